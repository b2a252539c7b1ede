//! Files people upload (for now, a community's icon and banner), kept through one
//! storage interface (`object_store`): a folder under the data directory, or an
//! S3-compatible bucket shared by every `serve` process.
//! What a file is, is read from its content, never from its name.

use std::sync::Arc;

use axum::{
    body::Bytes,
    extract::Path,
    http::header,
    response::{IntoResponse, Response},
};
use object_store::{
    ObjectStore, ObjectStoreExt, aws::AmazonS3Builder, local::LocalFileSystem,
    path::Path as StorePath,
};
use rand::RngCore;

use crate::{
    config::Settings,
    error::{AppError, AppResult},
};

/// The image types we take, by what their bytes say, with the extension we give
/// the stored file (the only part of its name that says its type).
const IMAGE_TYPES: &[(&str, &str)] = &[
    ("image/png", "png"),
    ("image/jpeg", "jpg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
];

/// Where uploaded files live.
#[derive(Clone, Debug)]
pub struct MediaStore {
    store: Arc<dyn ObjectStore>,
    pub max_image_bytes: usize,
}

/// A stored image: its key in the store and its media type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredImage {
    pub key: String,
    pub media_type: &'static str,
}

impl StoredImage {
    /// The public address of the image on this instance.
    pub fn url(&self, settings: &Settings) -> String {
        format!("{}/media/{}", settings.base_url(), self.key)
    }
}

impl MediaStore {
    /// The store the settings name: `{data_dir}/media` (made when missing), or an
    /// S3-compatible bucket.
    pub fn open(settings: &Settings) -> anyhow::Result<MediaStore> {
        let media = &settings.media;
        let store: Arc<dyn ObjectStore> = if media.store == "s3" {
            let mut builder = AmazonS3Builder::new()
                .with_bucket_name(&media.s3_bucket)
                .with_region(&media.s3_region)
                .with_allow_http(media.s3_allow_http);
            if !media.s3_endpoint.is_empty() {
                builder = builder.with_endpoint(&media.s3_endpoint);
            }
            if !media.s3_access_key_id.is_empty() {
                builder = builder
                    .with_access_key_id(&media.s3_access_key_id)
                    .with_secret_access_key(&media.s3_secret_access_key);
            }
            Arc::new(builder.build()?)
        } else {
            let dir = settings.data_dir.join("media");
            std::fs::create_dir_all(&dir).map_err(|e| {
                anyhow::anyhow!("cannot make the media folder {}: {e}", dir.display())
            })?;
            Arc::new(LocalFileSystem::new_with_prefix(&dir)?)
        };
        Ok(MediaStore {
            store,
            max_image_bytes: media.max_image_bytes,
        })
    }

    /// Checks that `bytes` are an image we take, within the size limit, and stores
    /// it under a new random name.
    pub async fn put_image(&self, bytes: Bytes) -> AppResult<StoredImage> {
        if bytes.is_empty() {
            return Err(AppError::validation("The file is empty"));
        }
        if bytes.len() > self.max_image_bytes {
            return Err(AppError::PayloadTooLarge(format!(
                "The image is larger than {} KiB",
                self.max_image_bytes / 1024
            )));
        }
        let found = infer::get(&bytes).map(|t| t.mime_type());
        let Some(&(media_type, extension)) =
            IMAGE_TYPES.iter().find(|(mime, _)| Some(*mime) == found)
        else {
            return Err(AppError::validation(
                "The file is not a PNG, JPEG, GIF or WebP image",
            ));
        };
        let mut name = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut name);
        let name: String = name.iter().map(|b| format!("{b:02x}")).collect();
        let key = format!("images/{name}.{extension}");
        self.store
            .put(&StorePath::from(key.as_str()), bytes.into())
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        Ok(StoredImage { key, media_type })
    }

    /// Forgets a stored file (a replaced icon); a missing one is no error.
    pub async fn delete(&self, key: &str) -> AppResult<()> {
        match self.store.delete(&StorePath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(AppError::Internal(e.into())),
        }
    }

    /// The key of a file of ours from its public address, if it is one.
    pub fn key_of(settings: &Settings, url: &str) -> Option<String> {
        url.strip_prefix(&format!("{}/media/", settings.base_url()))
            .filter(|k| media_type_of(k).is_some())
            .map(str::to_string)
    }

    async fn get(&self, key: &str) -> AppResult<Bytes> {
        let result = self.store.get(&StorePath::from(key)).await;
        match result {
            Ok(found) => found
                .bytes()
                .await
                .map_err(|e| AppError::Internal(e.into())),
            Err(object_store::Error::NotFound { .. }) => Err(AppError::NotFound),
            Err(e) => Err(AppError::Internal(e.into())),
        }
    }
}

/// A form sent as `multipart/form-data` with one file: its text fields and the
/// file (the part named `file`).
#[derive(Debug, Default)]
pub struct Upload {
    pub fields: std::collections::HashMap<String, String>,
    pub file: Option<Bytes>,
}

const MAX_TEXT_FIELDS: usize = 10;
const MAX_TEXT_FIELD_BYTES: usize = 4096;

impl Upload {
    /// Reads the form, keeping no more than `max_file_bytes` of the file: a larger
    /// one is refused before the rest of it is read.
    pub async fn read(
        mut multipart: axum::extract::Multipart,
        max_file_bytes: usize,
    ) -> AppResult<Upload> {
        let bad = |e: axum::extract::multipart::MultipartError| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge("The upload is too large".into())
            } else {
                AppError::bad_request(format!("Malformed upload: {}", e.body_text()))
            }
        };
        let mut upload = Upload::default();
        while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_string();
            let (limit, too_large) = if name == "file" {
                (
                    max_file_bytes,
                    format!("The file is larger than {} KiB", max_file_bytes / 1024),
                )
            } else {
                (
                    MAX_TEXT_FIELD_BYTES,
                    format!("The field {name} is too long"),
                )
            };
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if bytes.len() + chunk.len() > limit {
                    return Err(AppError::PayloadTooLarge(too_large));
                }
                bytes.extend_from_slice(&chunk);
            }
            if name == "file" {
                // A file input left empty still sends its part, with no bytes.
                if !bytes.is_empty() {
                    upload.file = Some(Bytes::from(bytes));
                }
            } else {
                if upload.fields.len() >= MAX_TEXT_FIELDS {
                    return Err(AppError::bad_request("The form has too many fields"));
                }
                let text = String::from_utf8(bytes)
                    .map_err(|_| AppError::bad_request(format!("The field {name} is not text")))?;
                upload.fields.insert(name, text);
            }
        }
        Ok(upload)
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// The media type of a stored file, from the extension we gave it.
pub fn media_type_of(key: &str) -> Option<&'static str> {
    let (folder, file) = key.split_once('/')?;
    let (name, extension) = file.rsplit_once('.')?;
    let well_formed =
        folder == "images" && name.len() == 32 && name.chars().all(|c| c.is_ascii_hexdigit());
    IMAGE_TYPES
        .iter()
        .find(|(_, ext)| well_formed && *ext == extension)
        .map(|(mime, _)| *mime)
}

/// `GET /media/{folder}/{file}`: a stored file, with the type it was stored as.
pub async fn serve(
    data: activitypub_federation::config::Data<crate::AppState>,
    Path((folder, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let key = format!("{folder}/{file}");
    let media_type = media_type_of(&key).ok_or(AppError::NotFound)?;
    let bytes = data.media.get(&key).await?;
    Ok((
        [
            (header::CONTENT_TYPE, media_type),
            // Names are random and never reused: the content never changes.
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_we_make_are_served() {
        assert_eq!(
            media_type_of("images/0123456789abcdef0123456789abcdef.png"),
            Some("image/png")
        );
        for bad in [
            "images/../secret.png",
            "images/x.png",
            "other/0123456789abcdef0123456789abcdef.png",
            "images/0123456789abcdef0123456789abcdef.svg",
            "images/0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(media_type_of(bad), None, "{bad}");
        }
    }
}
