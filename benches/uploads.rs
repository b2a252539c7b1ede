//! Memory under parallel uploads, over real HTTP on 127.0.0.1: one instance
//! in-process (SQLite, local media folder), several clients each posting a
//! teaching material with one large file at the same time. Uploads are spooled to
//! temporary files and stored in parts, so the resident memory of the process
//! should stay about flat however large the files are.
//!
//! The clients write their bodies piece by piece from one small buffer, so what
//! is measured is the server's memory. Resident memory (`VmRSS`) is sampled every
//! 10 ms while the uploads run.
//!
//! Run with `cargo bench --bench uploads` (optionally `-- PARALLEL MIB`, default
//! 6 uploads of 16 MiB). See docs/benchmarks.md for the figures measured here.

mod common;

use std::time::{Duration, Instant};

use collegium::{
    AppState,
    accounts::model::{NewUser, Role, create_user},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
    sync::watch,
};

/// Resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

async fn start_instance(dir: &std::path::Path, max_file_bytes: usize) -> (String, AppState) {
    let (port, state) = common::start_instance(dir, |s| {
        s.media.max_file_bytes = max_file_bytes;
        // Every upload at once, so the measurement is of them all together.
        s.media.max_concurrent_uploads = 64;
    })
    .await;
    (format!("127.0.0.1:{port}"), state)
}

/// Posts a material with one text file of `size` bytes, written 64 KiB at a
/// time; returns the response's status code.
async fn upload(address: &str, domain: &str, token: &str, n: usize, size: usize) -> u16 {
    let boundary = "bench-boundary-4f9a";
    let mut head = String::new();
    for (name, value) in [
        ("name", format!("Lesson plans {n}")),
        ("description", "A year of lesson plans.".to_string()),
        ("body", "Use them as you like.".to_string()),
        ("language", "en".to_string()),
        ("licence", "cc-by-sa".to_string()),
        ("resource_types", "worksheet".to_string()),
        ("levels", "1".to_string()),
        ("subjects", "054".to_string()),
    ] {
        head.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    head.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files[]\"; \
         filename=\"plans.txt\"\r\nContent-Type: text/plain\r\n\r\n"
    ));
    let tail = format!("\r\n--{boundary}--\r\n");
    let length = head.len() + size + tail.len();
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            format!(
                "POST /api/collegium/v1/materials HTTP/1.1\r\nHost: {domain}\r\n\
                 Authorization: Bearer {token}\r\nConnection: close\r\n\
                 Content-Type: multipart/form-data; boundary={boundary}\r\n\
                 Content-Length: {length}\r\n\r\n{head}"
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let piece = "Week 1: fractions with pizza slices.\n"
        .repeat(64 * 1024 / 37)
        .into_bytes();
    let mut sent = 0;
    while sent < size {
        let n = piece.len().min(size - sent);
        stream.write_all(&piece[..n]).await.unwrap();
        sent += n;
    }
    stream.write_all(tail.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    // What goes wrong is worth seeing; the rest is not.
    tracing_subscriber::fmt()
        .with_env_filter(std::env::var("BENCH_LOG").unwrap_or_else(|_| "error".into()))
        .with_writer(std::io::stderr)
        .init();
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let parallel = args.first().copied().unwrap_or(6);
    let mib = args.get(1).copied().unwrap_or(16);
    let size = mib * 1024 * 1024;
    let dir = std::env::temp_dir().join(format!("collegium-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (address, state) = start_instance(&dir, size + 1024 * 1024).await;
    let domain = state.settings.domain.clone();
    create_user(
        &state,
        NewUser {
            username: "anna".into(),
            email: "anna@school.example".into(),
            role: Role::Member,
            password: Some("benchmark-password".into()),
        },
    )
    .await
    .unwrap();
    let token = common::token_for(
        &format!("http://{address}"),
        "anna",
        "benchmark-password",
        "read write",
    )
    .await;
    // One small upload first, so what is measured is not first-use allocation.
    assert_eq!(upload(&address, &domain, &token, 0, 64 * 1024).await, 200);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = rss_kib();

    let (stop, mut stopped) = watch::channel(false);
    let sampler = tokio::spawn(async move {
        let mut peak = 0;
        loop {
            peak = peak.max(rss_kib());
            tokio::select! {
                _ = stopped.changed() => return peak,
                () = tokio::time::sleep(Duration::from_millis(10)) => {}
            }
        }
    });
    let started = Instant::now();
    let mut uploads = Vec::new();
    for n in 1..=parallel {
        let (address, domain, token) = (address.clone(), domain.clone(), token.clone());
        uploads.push(tokio::spawn(async move {
            upload(&address, &domain, &token, n, size).await
        }));
    }
    for u in uploads {
        assert_eq!(u.await.unwrap(), 200, "an upload was refused");
    }
    let took = started.elapsed();
    let _ = stop.send(true);
    let peak = sampler.await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let after = rss_kib();
    println!(
        "uploads: {parallel} × {mib} MiB in parallel in {:.2} s; resident memory {:.1} MiB before, \
         {:.1} MiB at the peak (+{:.1} MiB), {:.1} MiB after",
        took.as_secs_f64(),
        before as f64 / 1024.0,
        peak as f64 / 1024.0,
        peak.saturating_sub(before) as f64 / 1024.0,
        after as f64 / 1024.0,
    );
    let _ = std::fs::remove_dir_all(&dir);
}
