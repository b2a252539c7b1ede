//! The `collegium` command: serve, migrate, and manage people.

use std::{io::Read, path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use collegium::{
    AppState,
    accounts::{
        model::{NewUser, Role, create_user},
        store,
    },
    config::Settings,
    db::Db,
    error::AppError,
};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "collegium",
    version,
    about = "A federated learning-community server for teachers"
)]
struct Cli {
    /// TOML configuration file (optional; COLLEGIUM_* environment variables override it)
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve HTTP
    Serve,
    /// Migrate the database and exit
    Migrate,
    /// Manage local people
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage learning communities
    Community {
        #[command(subcommand)]
        command: CommunityCommand,
    },
    /// Look after the instance
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// The delivery queue per instance: pending, delivered, refused, failed
    Federation,
    /// Forget old received ids, finished deliveries, expired sessions and codes,
    /// unused apps and old sign-in attempts now (serve does it every hour)
    Cleanup,
}

#[derive(Subcommand)]
enum CommunityCommand {
    /// Open a community with a local person as its first facilitator
    Create {
        /// The community's name, its address @NAME@domain (letters, digits, underscores)
        name: String,
        /// The title people see
        #[arg(long)]
        title: String,
        /// User name of the first facilitator
        #[arg(long)]
        facilitator: String,
        /// What the community is about
        #[arg(long, default_value = "")]
        summary: String,
    },
    /// List the communities of this instance
    List,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a person; prints a generated password unless one comes on stdin
    Create {
        /// User name (letters, digits, underscores; dots and dashes inside)
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "member", value_parser = ["admin", "moderator", "facilitator", "member"])]
        role: String,
        /// Read the password from standard input
        #[arg(long)]
        password_stdin: bool,
    },
    /// List local people
    List,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command; errors come back as one line for the operator.
async fn run(cli: Cli) -> Result<(), String> {
    let settings = Settings::load(cli.config.as_deref()).map_err(|e| e.to_string())?;
    let filter = EnvFilter::try_new(&settings.log).unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();

    let open = |settings: &Settings| {
        let url = settings.database_url();
        async move {
            let db = Db::connect(&url).await.map_err(|e| e.to_string())?;
            db.migrate().await.map_err(|e| e.to_string())?;
            Ok::<Db, String>(db)
        }
    };

    match cli.command {
        Command::Migrate => {
            let db = open(&settings).await?;
            println!("database is up to date ({})", db.engine());
            db.close().await;
            Ok(())
        }
        Command::Serve => {
            let db = open(&settings).await?;
            let listen = settings.listen;
            let base = settings.base_url();
            let state = AppState::with_db(settings, db)
                .await
                .map_err(|e| format!("{e:#}"))?;
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
            tracing::info!(%listen, %base, "collegium is serving");
            collegium::serve(listener, state, shutdown_signal())
                .await
                .map_err(|e| format!("{e:#}"))
        }
        Command::Admin {
            command: AdminCommand::Federation,
        } => {
            let db = open(&settings).await?;
            let rows = collegium::federation::queue::queue_state(&db)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "{:<32} {:>8} {:>10} {:>8} {:>7}  unreachable since",
                "instance", "pending", "delivered", "refused", "failed"
            );
            for r in rows {
                println!(
                    "{:<32} {:>8} {:>10} {:>8} {:>7}  {}",
                    r.domain,
                    r.pending,
                    r.delivered,
                    r.refused,
                    r.failed,
                    r.unreachable_since
                        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_else(|| "-".into())
                );
            }
            db.close().await;
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Cleanup,
        } => {
            let db = open(&settings).await?;
            let result = collegium::instance::cleanup::run(&db, chrono::Utc::now()).await;
            db.close().await;
            let c = result.map_err(|e| e.to_string())?;
            println!(
                "deleted: {} received activity ids, {} finished deliveries, {} sent activities, \
                 {} sessions, {} authorization codes, {} unused apps, {} sign-in attempts",
                c.received_activities,
                c.deliveries,
                c.sent_activities,
                c.sessions,
                c.authorization_codes,
                c.apps,
                c.sign_in_attempts
            );
            Ok(())
        }
        Command::Community { command } => {
            let db = open(&settings).await?;
            let state = AppState::with_db(settings, db)
                .await
                .map_err(|e| format!("{e:#}"))?;
            let result = community_command(&state, command).await;
            state.db.close().await;
            result
        }
        Command::User { command } => {
            let db = open(&settings).await?;
            let state = AppState::with_db(settings, db)
                .await
                .map_err(|e| format!("{e:#}"))?;
            let result = user_command(&state, command).await;
            state.db.close().await;
            result
        }
    }
}

async fn community_command(state: &AppState, command: CommunityCommand) -> Result<(), String> {
    use collegium::communities::model;
    match command {
        CommunityCommand::Create {
            name,
            title,
            facilitator,
            summary,
        } => {
            let person =
                collegium::accounts::store::find_local_by_username(&state.db, &facilitator)
                    .await
                    .map_err(|e| e.to_string())?
                    .filter(|a| a.actor_type == "Person")
                    .ok_or_else(|| format!("there is no person called {facilitator} here"))?;
            let community = model::create(
                state,
                &person,
                &name,
                model::CommunityForm {
                    title: Some(title),
                    summary: Some(summary),
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| e.client_message())?;
            println!(
                "opened {} at {} with facilitator {}",
                community.account.username, community.account.ap_id, person.username
            );
            Ok(())
        }
        CommunityCommand::List => {
            let communities = collegium::communities::store::list(&state.db, None, true, 10_000, 0)
                .await
                .map_err(|e| e.to_string())?;
            for c in communities {
                println!("{:<30} {}", c.username, c.display_name);
            }
            Ok(())
        }
    }
}

async fn user_command(state: &AppState, command: UserCommand) -> Result<(), String> {
    match command {
        UserCommand::Create {
            name,
            email,
            role,
            password_stdin,
        } => {
            let role: Role = role.parse()?;
            let password = if password_stdin {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| format!("cannot read the password from stdin: {e}"))?;
                let text = text.trim_end_matches(['\r', '\n']).to_string();
                Some(text)
            } else {
                None
            };
            let generated = password.is_none();
            let (account, _user, password) = create_user(
                state,
                NewUser {
                    username: name,
                    email,
                    role,
                    password,
                },
            )
            .await
            .map_err(|e| match e {
                AppError::Unprocessable(m) | AppError::Invalid { text: m, .. } => {
                    m.trim_start_matches("Validation failed: ").to_string()
                }
                other => other.to_string(),
            })?;
            println!(
                "created {} ({}) as {}",
                account.username,
                account.ap_id,
                role.as_str()
            );
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
        UserCommand::List => {
            let users = store::list_users(&state.db)
                .await
                .map_err(|e| e.to_string())?;
            println!("{:<30} {:<12} {:<40} created", "name", "role", "email");
            for (account, user) in users {
                println!(
                    "{:<30} {:<12} {:<40} {}",
                    account.username,
                    user.role.as_str(),
                    user.email,
                    user.created_at.format("%Y-%m-%d")
                );
            }
            Ok(())
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
