//! What one client may hold of the server: slow headers and stalled bodies are
//! cut off, and connections beyond the cap are closed, while others are served.

use std::time::Duration;

use reqwest::StatusCode;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
    time::timeout,
};

use crate::harness::{TestInstance, eventually, http_client};

/// Whether the server closes `stream` (or answers and closes) within `within`.
/// Returns what it sent before closing.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    let read = timeout(within, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&got).into_owned())
}

fn address(a: &TestInstance) -> std::net::SocketAddr {
    a.state.settings.listen
}

#[tokio::test]
async fn slow_headers_and_stalled_bodies_are_cut_off() {
    let a = TestInstance::start_with(|s| {
        s.server.header_read_timeout_seconds = 1;
        s.server.body_timeout_seconds = 1;
    })
    .await;
    let addr = address(&a);

    // Slowloris: a header line every half second never finishes the request.
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let dripping = async {
        for i in 0..40 {
            tokio::time::sleep(Duration::from_millis(500)).await;
            if slow
                .write_all(format!("X-Drip-{i}: 1\r\n").as_bytes())
                .await
                .is_err()
            {
                return true;
            }
        }
        false
    };
    assert!(
        timeout(Duration::from_secs(15), dripping)
            .await
            .unwrap_or(false),
        "the server kept reading slow headers"
    );

    // A connection that never says anything is closed too.
    let mut idle = TcpStream::connect(&addr).await.unwrap();
    assert!(
        closed_within(&mut idle, Duration::from_secs(10))
            .await
            .is_some(),
        "an idle connection stayed open"
    );

    // A body that stops halfway is given up on.
    let mut stalled = TcpStream::connect(&addr).await.unwrap();
    stalled
        .write_all(
            b"POST /inbox HTTP/1.1\r\nHost: x\r\nContent-Type: application/activity+json\r\n\
              Content-Length: 1000\r\n\r\n{\"type\":",
        )
        .await
        .unwrap();
    let answer = closed_within(&mut stalled, Duration::from_secs(10)).await;
    let answer = answer.expect("a stalled body held the connection");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 4"),
        "{answer}"
    );

    // Ordinary requests are served as before.
    let res = http_client()
        .get(a.url("/api/v1/instance"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_and_the_rest_served() {
    let a = TestInstance::start_with(|s| s.server.max_connections = 3).await;
    let addr = address(&a);
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(&addr).await.unwrap());
    }
    // Let the server take all three before the fourth arrives.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut extra = TcpStream::connect(&addr).await.unwrap();
    let _ = extra
        .write_all(b"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    let answer = closed_within(&mut extra, Duration::from_secs(5))
        .await
        .expect("a connection beyond the cap was kept open");
    assert!(answer.is_empty(), "it was served: {answer}");

    // The held ones are still served, and once they go others get in.
    let mut first = held.remove(0);
    first
        .write_all(b"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = closed_within(&mut first, Duration::from_secs(5))
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    drop(held);
    eventually("new connections are served again", || async {
        http_client()
            .get(a.url("/api/v1/instance"))
            .send()
            .await
            .is_ok_and(|r| r.status() == StatusCode::OK)
    })
    .await;
}
