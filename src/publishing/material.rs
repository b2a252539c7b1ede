//! Teaching materials: what a teacher fills in is checked (a remix's original
//! read from its server when we do not have it), its files stored, and the post
//! of the material kind created, changed or deleted.

use activitypub_federation::config::Data;
use url::Url;

use crate::{
    AppState,
    accounts::model::Account,
    communities::model as communities,
    error::{AppError, AppResult},
    materials::{
        self,
        model::{FileDraft, MAX_FILES, Material, MaterialInput, load},
        store,
    },
    posts::{
        model::Visibility,
        store::{self as posts, Status},
    },
    publishing::{
        kinds::Draft,
        local::{self, NewPost, PostEdit},
        remote,
    },
};

/// The material a remix names in `based_on`, if it names one.
async fn adapted(data: &Data<AppState>, input: &MaterialInput) -> AppResult<Option<Material>> {
    match input
        .based_on
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        Some(reference) => Ok(Some(original(data, reference).await?)),
        None => Ok(None),
    }
}

/// The material a remix adapts: by its id here, or by its address (fetched when
/// we do not know it yet).
async fn original(data: &Data<AppState>, reference: &str) -> AppResult<Material> {
    let status = if let Ok(id) = reference.parse::<i64>() {
        posts::find(&data.db, id).await?
    } else {
        let url = Url::parse(reference).map_err(|_| {
            AppError::validation("based_on must be a material's id here or its address")
        })?;
        match posts::find_by_uri_or_url(&data.db, url.as_str()).await? {
            Some(s) => Some(s),
            None => remote::resolve_post(data, &url).await?,
        }
    };
    let status = status.ok_or_else(|| AppError::validation("based_on: no such material"))?;
    load(data, &status)
        .await?
        .ok_or_else(|| AppError::validation("based_on is not a teaching material"))
}

/// Stores uploaded files; if one is refused, those stored before it are deleted
/// again and nothing is kept.
async fn store_uploads(
    state: &AppState,
    uploads: Vec<(String, crate::media::Spooled)>,
) -> AppResult<Vec<FileDraft>> {
    let mut stored = Vec::new();
    for (name, bytes) in uploads {
        match state
            .media
            .put_file(&name, bytes, state.settings.media.max_file_bytes)
            .await
        {
            Ok(f) => stored.push(FileDraft {
                name,
                media_type: Some(f.media_type.to_string()),
                size_bytes: Some(f.size as i64),
                url: f.url(&state.settings),
                storage_key: Some(f.key),
            }),
            Err(e) => {
                forget_uploads(state, &stored).await;
                return Err(e);
            }
        }
    }
    Ok(stored)
}

async fn forget_uploads(state: &AppState, files: &[FileDraft]) {
    for key in files.iter().filter_map(|f| f.storage_key.as_deref()) {
        if let Err(e) = state.media.delete(key).await {
            tracing::warn!(%key, error = %e, "could not delete a stored file");
        }
    }
}

/// A teacher publishes a material (public, into a community when one is named):
/// its post is written and delivered as an Article.
pub async fn create(
    data: &Data<AppState>,
    author: &Account,
    input: MaterialInput,
    uploads: Vec<(String, crate::media::Spooled)>,
) -> AppResult<Status> {
    let original = adapted(data, &input).await?;
    let (mut draft, text, language) =
        materials::model::check(data, author, &input, None, original).await?;
    let community = match input.community_id.as_deref().filter(|c| !c.is_empty()) {
        Some(id) => {
            let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
            Some(
                communities::find(&data.db, id)
                    .await?
                    .ok_or_else(|| AppError::validation("community_id: no such community"))?,
            )
        }
        None => None,
    };
    if draft.add_files.len() + uploads.len() > MAX_FILES {
        return Err(
            AppError::validation(format!("at most {MAX_FILES} files are allowed")).said(
                "invalid-too-many-files",
                None,
                &[("max", MAX_FILES.to_string())],
            ),
        );
    }
    let stored = store_uploads(data, uploads).await?;
    draft.add_files.splice(0..0, stored.iter().cloned());
    let post = NewPost {
        language: Some(language),
        community: community.map(|c| c.account),
        title: Some(draft.name.clone()),
        draft: Draft::Material(Box::new(draft)),
        ..NewPost::note(text, Visibility::Public)
    };
    let created = local::create(data, author, post).await;
    if created.is_err() {
        forget_uploads(data, &stored).await;
    }
    created
}

/// Its author changes a material: a new version, delivered as an Update.
pub async fn update(
    data: &Data<AppState>,
    author: &Account,
    material: &Material,
    input: MaterialInput,
    uploads: Vec<(String, crate::media::Spooled)>,
) -> AppResult<Status> {
    if material.status.account_id != author.id || !material.status.local {
        return Err(AppError::NotFound);
    }
    let original = adapted(data, &input).await?;
    let (mut draft, text, _) =
        materials::model::check(data, author, &input, Some(material), original).await?;
    let kept = material
        .files
        .iter()
        .filter(|f| !draft.remove_files.contains(&f.id))
        .count();
    if kept + draft.add_files.len() + uploads.len() > MAX_FILES {
        return Err(
            AppError::validation(format!("at most {MAX_FILES} files are allowed")).said(
                "invalid-too-many-files",
                None,
                &[("max", MAX_FILES.to_string())],
            ),
        );
    }
    let stored = store_uploads(data, uploads).await?;
    draft.add_files.splice(0..0, stored.iter().cloned());
    let change = PostEdit {
        text,
        spoiler_text: String::new(),
        sensitive: false,
        draft: Draft::Material(Box::new(draft)),
    };
    let edited = local::edit(data, author, &material.status, change).await;
    if edited.is_err() {
        forget_uploads(data, &stored).await;
    }
    edited
}

/// Its author deletes a material: the post goes (a Delete goes out) and so do its
/// uploaded files.
pub async fn delete(state: &AppState, author: &Account, material: &Material) -> AppResult<()> {
    if material.status.account_id != author.id {
        return Err(AppError::NotFound);
    }
    local::delete(state, author, &material.status).await?;
    let ids: Vec<i64> = material.files.iter().map(|f| f.id).collect();
    for key in store::remove_files(&state.db, material.status.id, &ids).await? {
        state.media.delete(&key).await?;
    }
    Ok(())
}
