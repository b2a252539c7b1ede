//! Every route of the instance, in one place.

use axum::{
    Router,
    extract::DefaultBodyLimit,
    routing::{delete, get, patch, post},
};

use crate::{
    accounts::{api as accounts_api, oauth, pages as accounts_pages},
    api::MAX_BODY_BYTES,
    communities::{api as communities_api, apub as communities_apub, pages as community_pages},
    federation::{discovery, inbox},
    follows::api as follows_api,
    instance::{api as instance_api, pages as instance_pages},
    notifications::api as notifications_api,
    publishing::{api as posts_api, apub as posts_apub},
    web,
};

pub fn router() -> Router<()> {
    let discovery = Router::new()
        .route("/.well-known/webfinger", get(discovery::webfinger))
        .route("/.well-known/host-meta", get(discovery::host_meta))
        .route("/.well-known/nodeinfo", get(discovery::nodeinfo_links))
        .route("/nodeinfo/2.0", get(discovery::nodeinfo_20))
        .route("/nodeinfo/2.1", get(discovery::nodeinfo_21))
        .route("/actor", get(discovery::instance_actor))
        .route("/actor/outbox", get(discovery::instance_outbox))
        .route("/ns", get(discovery::context))
        .route(
            "/activities/{kind}/{token}",
            get(crate::federation::activities::activity),
        );

    let people = Router::new()
        .route("/users/{name}", get(accounts_pages::profile))
        .route("/@{name}", get(accounts_pages::profile))
        .route("/@{name}/{id}", get(crate::publishing::pages::thread))
        .route("/@{name}/follow", post(accounts_pages::follow_form))
        .route(
            "/users/{name}/{collection}",
            get(accounts_pages::collection),
        )
        .route("/users/{name}/inbox", post(inbox::person_inbox))
        .route("/users/{name}/statuses/{id}", get(posts_apub::note))
        .route("/inbox", post(inbox::shared_inbox));

    let communities = Router::new()
        .route(
            "/communities",
            get(community_pages::directory_page).post(community_pages::create_form),
        )
        .route("/c/{name}", get(community_pages::community))
        .route("/c/{name}/inbox", post(inbox::community_inbox))
        .route("/c/{name}/join", post(community_pages::join_form))
        .route("/c/{name}/posts", post(community_pages::post_form))
        .route(
            "/moderation/posts/{id}",
            post(community_pages::moderate_form),
        )
        .route(
            "/c/{name}/moderation",
            get(community_pages::moderation_page),
        )
        .route(
            "/c/{name}/moderation/requests",
            post(community_pages::request_form),
        )
        .route(
            "/c/{name}/moderation/reports",
            post(community_pages::resolve_form),
        )
        .route("/c/{name}/moderation/bans", post(community_pages::ban_form))
        .route(
            "/c/{name}/moderation/pictures",
            post(community_pages::picture_form).layer(DefaultBodyLimit::disable()),
        )
        .route("/c/{name}/{collection}", get(communities_apub::collection))
        .route(
            "/api/collegium/v1/communities",
            get(communities_api::list).post(communities_api::create),
        )
        .route(
            "/api/collegium/v1/communities/lookup",
            get(communities_api::lookup),
        )
        .route(
            "/api/collegium/v1/communities/{id}",
            get(communities_api::show).patch(communities_api::update),
        )
        .route(
            "/api/collegium/v1/communities/{id}/join",
            post(communities_api::join),
        )
        .route(
            "/api/collegium/v1/communities/{id}/leave",
            post(communities_api::leave),
        )
        .route(
            "/api/collegium/v1/communities/{id}/members",
            get(communities_api::members),
        )
        .route(
            "/api/collegium/v1/communities/{id}/requests",
            get(communities_api::requests),
        )
        .route(
            "/api/collegium/v1/communities/{id}/requests/{account_id}/{answer}",
            post(communities_api::answer_request),
        )
        .route(
            "/api/collegium/v1/communities/{id}/posts",
            get(communities_api::threads).post(communities_api::create_post),
        )
        .route(
            "/api/collegium/v1/communities/{id}/posts/{post_id}/{action}",
            post(communities_api::moderate_post),
        )
        .route(
            "/api/collegium/v1/communities/{id}/bans",
            get(communities_api::bans).post(communities_api::ban),
        )
        .route(
            "/api/collegium/v1/communities/{id}/bans/{account_id}",
            delete(communities_api::unban),
        )
        .route(
            "/api/collegium/v1/communities/{id}/facilitators",
            post(communities_api::add_facilitator),
        )
        .route(
            "/api/collegium/v1/communities/{id}/facilitators/{account_id}",
            delete(communities_api::remove_facilitator),
        )
        .route(
            "/api/collegium/v1/communities/{id}/pictures/{picture}",
            post(communities_api::upload_picture)
                .delete(communities_api::remove_picture)
                // Uploads are read with the media size limit (see media::Upload).
                .layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/api/collegium/v1/materials",
            get(crate::materials::api::list)
                .post(crate::materials::api::create)
                // Uploads are read with the media size limit (see media::Upload).
                .layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/api/collegium/v1/materials/{id}",
            get(crate::materials::api::show)
                .patch(crate::materials::api::update)
                .delete(crate::materials::api::delete)
                .layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/api/collegium/v1/materials/{id}/history",
            get(crate::materials::api::history),
        )
        .route(
            "/api/collegium/v1/materials/{id}/remixes",
            get(crate::materials::api::remixes),
        )
        .route(
            "/api/collegium/v1/materials/{id}/schema",
            get(crate::materials::api::schema_org),
        )
        // The material pages (forms with uploads read with the media size limit).
        .route(
            "/materials",
            get(crate::materials::pages::browse_page)
                .post(crate::materials::pages::create_form)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/materials/new", get(crate::materials::pages::new_page))
        .route(
            "/materials/{id}",
            get(crate::materials::pages::show_page)
                .post(crate::materials::pages::update_form)
                .layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/materials/{id}/edit",
            get(crate::materials::pages::edit_page),
        )
        .route(
            "/materials/{id}/delete",
            post(crate::materials::pages::delete_form),
        )
        .route(
            "/materials/{id}/history",
            get(crate::materials::pages::history_page),
        )
        .route(
            "/api/collegium/v1/cases",
            get(crate::cases::api::list).post(crate::cases::api::create),
        )
        .route(
            "/api/collegium/v1/cases/{id}",
            get(crate::cases::api::show)
                .patch(crate::cases::api::update)
                .delete(crate::cases::api::delete),
        )
        .route(
            "/api/collegium/v1/cases/{id}/history",
            get(crate::cases::api::history),
        )
        .route(
            "/api/collegium/v1/cases/{id}/verification",
            post(crate::cases::api::verify).delete(crate::cases::api::verify),
        )
        .route(
            "/api/collegium/v1/cases/{id}/schema",
            get(crate::cases::api::schema_org),
        )
        // The case report pages (forms in multipart, without files).
        .route(
            "/cases",
            get(crate::cases::pages::browse_page).post(crate::cases::pages::create_form),
        )
        .route("/cases/new", get(crate::cases::pages::new_page))
        .route(
            "/cases/{id}",
            get(crate::cases::pages::show_page).post(crate::cases::pages::update_form),
        )
        .route("/cases/{id}/edit", get(crate::cases::pages::edit_page))
        .route("/cases/{id}/delete", post(crate::cases::pages::delete_form))
        .route(
            "/cases/{id}/verification",
            post(crate::cases::pages::verification_form),
        )
        .route(
            "/cases/{id}/history",
            get(crate::cases::pages::history_page),
        )
        .route(
            "/api/collegium/v1/vocabularies",
            get(crate::vocabularies::index),
        )
        .route(
            "/api/collegium/v1/vocabularies/{name}",
            get(crate::vocabularies::show),
        )
        .route(
            "/api/collegium/v1/communities/{id}/moderation_log",
            get(communities_api::moderation_log),
        )
        .route(
            "/api/collegium/v1/communities/{id}/reports",
            get(communities_api::reports).post(communities_api::report),
        )
        .route(
            "/api/collegium/v1/communities/{id}/reports/{report_id}/resolve",
            post(communities_api::resolve_report),
        );

    let pages = Router::new()
        .route("/", get(instance_pages::home))
        .route("/about", get(instance_pages::home))
        .route(
            "/auth/sign_in",
            get(accounts_pages::sign_in_page).post(accounts_pages::sign_in),
        )
        .route(
            "/auth/sign_out",
            get(accounts_pages::sign_out_page).post(accounts_pages::sign_out),
        )
        .route(
            "/auth/sign_up",
            get(accounts_pages::sign_up_page).post(accounts_pages::sign_up),
        )
        .route(
            "/settings/profile",
            get(crate::accounts::settings::profile_page)
                .post(crate::accounts::settings::profile_form),
        )
        .route(
            "/settings/profile/picture",
            post(crate::accounts::settings::picture_form).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/settings/account",
            get(crate::accounts::settings::account_page)
                .post(crate::accounts::settings::password_form),
        )
        .route(
            "/settings/account/email",
            post(crate::accounts::settings::email_form),
        )
        .route(
            "/settings/account/sessions",
            post(crate::accounts::settings::end_session_form),
        )
        .route(
            "/settings/account/apps",
            post(crate::accounts::settings::revoke_app_form),
        )
        .route(
            "/settings/preferences",
            get(crate::accounts::settings::preferences_page)
                .post(crate::accounts::settings::preferences_form),
        )
        .route("/tags/{tag}", get(crate::publishing::pages::tag))
        .route(
            "/home",
            get(crate::publishing::pages::home).post(crate::publishing::pages::compose),
        )
        .route("/posts/{id}", post(crate::publishing::pages::act))
        .route("/notifications", get(crate::notifications::pages::page))
        .route("/search", get(crate::search::pages::page))
        .route("/about/privacy", get(crate::instance::pages::privacy))
        .route("/about/imprint", get(crate::instance::pages::imprint))
        .route("/admin", get(crate::admin::pages::dashboard))
        .route(
            "/admin/people",
            get(crate::admin::pages::people).post(crate::admin::pages::create_person),
        )
        .route(
            "/admin/people/{id}/role",
            post(crate::admin::pages::set_role),
        )
        .route(
            "/admin/people/{id}/action",
            post(crate::admin::pages::person_action),
        )
        .route("/admin/reports", get(crate::admin::pages::reports))
        .route(
            "/admin/reports/{id}/resolve",
            post(crate::admin::pages::resolve_report),
        )
        .route("/admin/federation", get(crate::admin::pages::federation))
        .route("/admin/federation/retry", post(crate::admin::pages::retry))
        .route(
            "/admin/settings",
            get(crate::admin::pages::settings).post(crate::admin::pages::save_settings),
        )
        .route(
            "/authorize_interaction",
            get(crate::search::pages::authorize_interaction),
        )
        .route("/@{name}/remote_follow", get(accounts_pages::remote_follow))
        .route("/static/style.css", get(web::stylesheet))
        .route("/static/logo.svg", get(web::logo))
        .route("/static/materials.js", get(web::materials_script))
        .route("/static/site.js", get(web::site_script))
        .route("/media/{folder}/{file}", get(crate::media::serve));

    let oauth = Router::new()
        .route(
            "/oauth/authorize",
            get(oauth::authorize_page).post(oauth::authorize_submit),
        )
        .route("/oauth/token", post(oauth::token))
        .route("/oauth/revoke", post(oauth::revoke));

    let api = Router::new()
        .route("/api/v1/apps", post(oauth::create_app))
        .route("/api/v1/apps/verify_credentials", get(oauth::verify_app))
        .route(
            "/api/v1/accounts/verify_credentials",
            get(accounts_api::verify_credentials),
        )
        .route(
            "/api/v1/accounts/update_credentials",
            patch(accounts_api::update_credentials),
        )
        .route("/api/v1/accounts/lookup", get(accounts_api::lookup))
        .route(
            "/api/v1/accounts/relationships",
            get(follows_api::relationships),
        )
        .route(
            "/api/v1/accounts/search",
            get(crate::search::accounts_search),
        )
        .route("/api/v2/search", get(crate::search::search))
        .route("/api/v1/accounts/{id}", get(accounts_api::show))
        .route("/api/v1/accounts/{id}/follow", post(follows_api::follow))
        .route(
            "/api/v1/accounts/{id}/unfollow",
            post(follows_api::unfollow),
        )
        .route(
            "/api/v1/accounts/{id}/remove_from_followers",
            post(follows_api::remove_from_followers),
        )
        .route(
            "/api/v1/accounts/{id}/followers",
            get(follows_api::followers),
        )
        .route(
            "/api/v1/accounts/{id}/following",
            get(follows_api::following),
        )
        .route("/api/v1/follow_requests", get(follows_api::follow_requests))
        .route(
            "/api/v1/statuses",
            get(posts_api::many).post(posts_api::create),
        )
        .route("/api/v1/statuses/{id}/bookmark", post(posts_api::bookmark))
        .route("/api/v1/statuses/{id}/pin", post(posts_api::pin))
        .route("/api/v1/statuses/{id}/unpin", post(posts_api::unpin))
        .route(
            "/api/v1/statuses/{id}/unbookmark",
            post(posts_api::unbookmark),
        )
        .route("/api/v1/bookmarks", get(posts_api::bookmarks))
        .route("/api/v1/favourites", get(posts_api::favourites))
        .route(
            "/api/v1/markers",
            get(notifications_api::markers).post(notifications_api::set_markers),
        )
        .route(
            "/api/v1/statuses/{id}",
            get(posts_api::show)
                .delete(posts_api::delete)
                .put(posts_api::edit),
        )
        .route(
            "/api/v1/statuses/{id}/favourite",
            post(posts_api::favourite),
        )
        .route(
            "/api/v1/statuses/{id}/unfavourite",
            post(posts_api::unfavourite),
        )
        .route(
            "/api/v1/statuses/{id}/favourited_by",
            get(posts_api::favourited_by),
        )
        .route("/api/v1/statuses/{id}/reblog", post(posts_api::reblog))
        .route("/api/v1/statuses/{id}/unreblog", post(posts_api::unreblog))
        .route(
            "/api/v1/statuses/{id}/reblogged_by",
            get(posts_api::reblogged_by),
        )
        .route("/api/v1/statuses/{id}/history", get(posts_api::history))
        .route("/api/v1/statuses/{id}/source", get(posts_api::source))
        .route("/api/v1/statuses/{id}/context", get(posts_api::context))
        .route("/api/v1/timelines/home", get(posts_api::home))
        .route("/api/v1/notifications", get(notifications_api::list))
        .route(
            "/api/v1/notifications/clear",
            post(notifications_api::clear),
        )
        .route("/api/v1/notifications/{id}", get(notifications_api::show))
        .route(
            "/api/v1/notifications/{id}/dismiss",
            post(notifications_api::dismiss),
        )
        .route("/api/v1/timelines/public", get(posts_api::public))
        .route("/api/v1/timelines/tag/{hashtag}", get(posts_api::tag))
        .route("/api/v1/accounts/{id}/statuses", get(posts_api::by_account))
        .route(
            "/api/v1/follow_requests/{id}/authorize",
            post(follows_api::authorize_request),
        )
        .route(
            "/api/v1/follow_requests/{id}/reject",
            post(follows_api::reject_request),
        )
        .route(
            "/api/collegium/v1/admin/federation",
            get(crate::federation::admin::federation_state),
        )
        .route("/api/v1/instance", get(instance_api::instance_v1))
        .route("/api/v1/instance/peers", get(crate::api::compat::peers))
        .route(
            "/api/v1/custom_emojis",
            get(crate::api::compat::custom_emojis),
        )
        .route("/api/v1/preferences", get(crate::api::compat::preferences))
        .route("/api/v1/lists", get(crate::api::compat::none_yet))
        .route("/api/v1/filters", get(crate::api::compat::none_yet))
        .route("/api/v2/filters", get(crate::api::compat::none_yet))
        .route("/api/v1/announcements", get(crate::api::compat::none_yet))
        .route("/api/v2/instance", get(instance_api::instance_v2));

    Router::new()
        .merge(discovery)
        .merge(people)
        .merge(communities)
        .merge(pages)
        .merge(oauth)
        .merge(api)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}
