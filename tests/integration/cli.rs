//! The `collegium` command as an operator uses it.

use std::{
    io::Write,
    process::{Command, Stdio},
};

use reqwest::StatusCode;

use crate::harness::{fresh_database_url, unique};

struct Cli {
    dir: std::path::PathBuf,
    database_url: String,
}

impl Cli {
    async fn new() -> Cli {
        let dir = std::env::temp_dir().join(unique("collegium-cli-"));
        std::fs::create_dir_all(&dir).unwrap();
        let database_url = fresh_database_url(&dir).await;
        Cli { dir, database_url }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_collegium"));
        cmd.args(args)
            .env_clear()
            .env("COLLEGIUM_DATA_DIR", &self.dir)
            .env("COLLEGIUM_DATABASE_URL", &self.database_url)
            .env("COLLEGIUM_LOG", "warn");
        cmd
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(input) = stdin {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        }
        drop(child.stdin.take());
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn admins_create_and_list_people_from_the_command_line() {
    let cli = Cli::new().await;
    let (code, out, err) = cli.run(&["migrate"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("up to date"));

    let (code, out, err) = cli.run(
        &[
            "user",
            "create",
            "anna",
            "--email",
            "anna@school.example",
            "--role",
            "admin",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let password = out
        .lines()
        .find_map(|l| l.strip_prefix("password: "))
        .expect("a generated password is printed");
    assert_eq!(password.len(), 20);

    let (code, out, err) = cli.run(
        &[
            "user",
            "create",
            "bruno",
            "--email",
            "bruno@school.example",
            "--password-stdin",
        ],
        Some("a-chosen-password\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("password:"));

    let (code, out, _) = cli.run(&["user", "list"], None);
    assert_eq!(code, 0);
    assert!(out.contains("anna") && out.contains("admin"));
    assert!(out.contains("bruno") && out.contains("member"));

    // Errors are one clear line and a non-zero exit.
    for (args, stdin, message) in [
        (
            vec!["user", "create", "ANNA", "--email", "x@school.example"],
            None,
            "already taken",
        ),
        (
            vec!["user", "create", "bad name", "--email", "x@school.example"],
            None,
            "may only contain",
        ),
        (
            vec!["user", "create", "carla", "--email", "not-an-email"],
            None,
            "not an e-mail",
        ),
        (
            vec![
                "user",
                "create",
                "dora",
                "--email",
                "d@school.example",
                "--password-stdin",
            ],
            Some("short\n"),
            "password",
        ),
    ] {
        let (code, _, err) = cli.run(&args, stdin);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.starts_with("error: ") && err.contains(message), "{err}");
        assert!(!err.contains("panicked"));
    }
    let (code, _, err) = cli.run(
        &[
            "user",
            "create",
            "erik",
            "--email",
            "e@school.example",
            "--role",
            "owner",
        ],
        None,
    );
    assert_eq!(code, 2, "clap refuses unknown roles: {err}");

    let (_, out, _) = cli.run(&["user", "list"], None);
    assert_eq!(out.lines().count(), 3);

    // The delivery queue per instance (empty here: nothing was sent).
    let (code, out, err) = cli.run(&["admin", "federation"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("instance"), "{out}");
    assert_eq!(out.lines().count(), 1);
}

#[tokio::test]
async fn bad_configuration_and_unreachable_databases_are_one_line() {
    let cli = Cli::new().await;
    type Case<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec![],
            vec!["--config", "/no/such/file.toml", "migrate"],
            "cannot read config file",
        ),
        (
            vec![("COLLEGIUM_LISTEN", "nowhere")],
            vec!["migrate"],
            "COLLEGIUM_LISTEN",
        ),
        (
            vec![("COLLEGIUM_DATABASE_URL", "mysql://x")],
            vec!["migrate"],
            "unsupported database URL",
        ),
        (
            vec![("COLLEGIUM_DATABASE_URL", "postgres://nobody@127.0.0.1:9/x")],
            vec!["migrate"],
            "cannot open the database",
        ),
    ];
    for (env, args, message) in cases {
        let mut cmd = cli.command(&args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(message), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let config = cli.dir.join("bad.toml");
    std::fs::write(&config, "domian = \"typo.example\"\n").unwrap();
    let out = cli
        .command(&["--config", config.to_str().unwrap(), "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid config file"));
}

#[tokio::test]
async fn serve_works_with_no_config_file() {
    let cli = Cli::new().await;
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    // Only where to listen and what to call itself; SQLite in the data folder
    // unless this run uses PostgreSQL.
    let mut cmd = cli.command(&["serve"]);
    cmd.env("COLLEGIUM_LISTEN", format!("127.0.0.1:{port}"))
        .env("COLLEGIUM_DOMAIN", format!("localhost:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if !cli.database_url.starts_with("postgres") {
        cmd.env_remove("COLLEGIUM_DATABASE_URL");
    }
    let mut child = cmd.spawn().unwrap();
    let client = reqwest::Client::new();
    let base = format!("http://localhost:{port}");
    let mut up = false;
    for _ in 0..100 {
        if client
            .get(format!("{base}/.well-known/nodeinfo"))
            .send()
            .await
            .is_ok()
        {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(up, "server did not start");
    let res = client
        .get(format!("{base}/nodeinfo/2.1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = client
        .get(format!(
            "{base}/.well-known/webfinger?resource=acct:nobody@localhost:{port}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = client
        .get(format!("{base}/actor"))
        .header("Accept", "application/activity+json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let _ = child.kill();
    let _ = child.wait();
    if !cli.database_url.starts_with("postgres") {
        assert!(
            cli.dir.join("collegium.db").exists(),
            "the default SQLite file is created"
        );
    }
}

#[tokio::test]
async fn facilitators_open_communities_from_the_command_line() {
    let cli = Cli::new().await;
    let (code, _, err) = cli.run(
        &[
            "user",
            "create",
            "fran",
            "--email",
            "fran@school.example",
            "--role",
            "facilitator",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = cli.run(
        &[
            "community",
            "create",
            "digital_pedagogy",
            "--title",
            "Digital Pedagogy — Tyrol",
            "--facilitator",
            "fran",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("/c/digital_pedagogy"), "{out}");
    let (code, out, _) = cli.run(&["community", "list"], None);
    assert_eq!(code, 0);
    assert!(out.contains("digital_pedagogy") && out.contains("Digital Pedagogy — Tyrol"));

    // The same name twice, an unknown facilitator, a bad name: one line each, nothing made.
    for args in [
        &[
            "community",
            "create",
            "digital_pedagogy",
            "--title",
            "Again",
            "--facilitator",
            "fran",
        ][..],
        &[
            "community",
            "create",
            "stem",
            "--title",
            "STEM",
            "--facilitator",
            "nobody",
        ][..],
        &[
            "community",
            "create",
            "bad name",
            "--title",
            "Bad",
            "--facilitator",
            "fran",
        ][..],
    ] {
        let (code, _, err) = cli.run(args, None);
        assert_ne!(code, 0);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let (_, out, _) = cli.run(&["community", "list"], None);
    assert_eq!(out.lines().count(), 1, "{out}");
}
