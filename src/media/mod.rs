//! Files people upload (for now, a community's icon and banner), kept through one
//! storage interface (`object_store`): a folder under the data directory, or an
//! S3-compatible bucket shared by every `serve` process.
//! What a file is, is read from its content, never from its name.

use std::{path::PathBuf, sync::Arc, time::Duration};

use axum::{
    body::{Body, Bytes},
    extract::Path,
    http::header,
    response::{IntoResponse, Response},
};
use object_store::{
    ObjectStore, ObjectStoreExt, WriteMultipart, aws::AmazonS3Builder, local::LocalFileSystem,
    path::Path as StorePath,
};
use rand::RngCore;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    sync::{OwnedSemaphorePermit, Semaphore},
};

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

/// What may be attached to a teaching material, by what the bytes say: documents,
/// office files, images, audio, video and archives. Plain text (no signature) is
/// taken when it is valid UTF-8.
const FILE_TYPES: &[(&str, &str)] = &[
    ("application/pdf", "pdf"),
    ("image/png", "png"),
    ("image/jpeg", "jpg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
    ),
    ("application/vnd.oasis.opendocument.text", "odt"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ("application/vnd.oasis.opendocument.presentation", "odp"),
    ("application/msword", "doc"),
    ("application/vnd.ms-excel", "xls"),
    ("application/vnd.ms-powerpoint", "ppt"),
    ("application/rtf", "rtf"),
    ("audio/mpeg", "mp3"),
    ("audio/ogg", "ogg"),
    ("audio/x-wav", "wav"),
    ("audio/m4a", "m4a"),
    ("audio/x-flac", "flac"),
    ("video/mp4", "mp4"),
    ("video/webm", "webm"),
    ("application/zip", "zip"),
    ("application/gzip", "gz"),
    ("application/x-7z-compressed", "7z"),
    ("application/x-tar", "tar"),
    ("text/plain", "txt"),
];

/// The folders files are kept in, and the types each may hold.
const FOLDERS: &[(&str, &[(&str, &str)])] = &[("images", IMAGE_TYPES), ("files", FILE_TYPES)];

/// Where uploaded files live.
#[derive(Clone, Debug)]
pub struct MediaStore {
    store: Arc<dyn ObjectStore>,
    pub max_image_bytes: usize,
    /// Where uploads are spooled while they arrive (never held whole in memory).
    spool_dir: PathBuf,
    /// Uploads read at once.
    uploads: Arc<Semaphore>,
    /// Files larger than this go to the store in parts of this size (S3 wants
    /// 5 MiB at least; a folder takes any).
    part_bytes: usize,
}

/// How long an upload waits for its turn before it is refused.
const UPLOAD_WAIT: Duration = Duration::from_secs(30);
/// How much of a file is read to tell its type.
const SNIFF_BYTES: usize = 1024 * 1024;
/// Parts of a file sent to an S3-compatible store (its smallest part size).
const S3_PART_BYTES: usize = 5 * 1024 * 1024;
/// Parts of a file written to the local folder.
const LOCAL_PART_BYTES: usize = 256 * 1024;

/// A file being received or waiting to be stored, in a temporary file under
/// `{data_dir}/uploads`; the temporary file goes when this is dropped.
#[derive(Debug)]
pub struct Spooled {
    path: PathBuf,
    size: usize,
    /// Valid UTF-8 without NUL bytes, all of it (so it may be plain text).
    text: bool,
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Spooled {
    pub fn len(&self) -> usize {
        self.size
    }

    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Its first bytes, enough to tell what it is.
    async fn head(&self) -> AppResult<Vec<u8>> {
        let file = tokio::fs::File::open(&self.path)
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        let mut head = Vec::with_capacity(self.size.min(SNIFF_BYTES));
        file.take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        Ok(head)
    }

    /// Its type among `allowed`, read from its content.
    async fn sniff(
        &self,
        allowed: &[(&'static str, &'static str)],
    ) -> AppResult<Option<(&'static str, &'static str)>> {
        if self.size == 0 {
            return Ok(None);
        }
        let head = self.head().await?;
        let found = match infer::get(&head) {
            Some(t) => t.mime_type(),
            None if self.text => "text/plain",
            None => return Ok(None),
        };
        Ok(allowed.iter().find(|(mime, _)| *mime == found).copied())
    }
}

/// Checks UTF-8 across the pieces a file arrives in.
struct TextCheck {
    ok: bool,
    /// The start of a character cut off at the end of the last piece.
    carry: Vec<u8>,
}

impl TextCheck {
    fn new() -> TextCheck {
        TextCheck {
            ok: true,
            carry: Vec::new(),
        }
    }

    fn feed(&mut self, piece: &[u8]) {
        if !self.ok {
            return;
        }
        if piece.contains(&0) {
            self.ok = false;
            return;
        }
        let joined;
        let bytes = if self.carry.is_empty() {
            piece
        } else {
            joined = [self.carry.as_slice(), piece].concat();
            joined.as_slice()
        };
        match std::str::from_utf8(bytes) {
            Ok(_) => self.carry.clear(),
            // Cut off in the middle of a character: keep its start for the next piece.
            Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
                self.carry = bytes[e.valid_up_to()..].to_vec();
            }
            Err(_) => self.ok = false,
        }
    }

    fn finish(self) -> bool {
        self.ok && self.carry.is_empty()
    }
}

/// A stored file: its key in the store, its media type and size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    pub key: String,
    pub media_type: &'static str,
    pub size: usize,
}

impl StoredFile {
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
        let spool_dir = settings.data_dir.join("uploads");
        std::fs::create_dir_all(&spool_dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot make the uploads folder {}: {e}",
                spool_dir.display()
            )
        })?;
        Ok(MediaStore {
            store,
            max_image_bytes: media.max_image_bytes,
            spool_dir,
            uploads: Arc::new(Semaphore::new(media.max_concurrent_uploads)),
            part_bytes: if media.store == "s3" {
                S3_PART_BYTES
            } else {
                LOCAL_PART_BYTES
            },
        })
    }

    /// Waits for a turn to read an upload (a cap on uploads at once, so many of
    /// them cannot fill the disk or the network); refused after 30 s.
    async fn upload_turn(&self) -> AppResult<OwnedSemaphorePermit> {
        match tokio::time::timeout(UPLOAD_WAIT, self.uploads.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(AppError::Busy(
                "Too many uploads at once: try again in a minute".into(),
            )),
        }
    }

    /// Removes temporary files of uploads older than `age` (left behind when a
    /// process stopped in the middle of one); returns how many.
    pub async fn prune_spool(&self, age: Duration) -> usize {
        let dir = self.spool_dir.clone();
        tokio::task::spawn_blocking(move || {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                return 0;
            };
            let mut removed = 0;
            for entry in entries.flatten() {
                let old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|elapsed| elapsed > age);
                let ours = entry.file_name().to_string_lossy().ends_with(".part");
                if old && ours && std::fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
            }
            removed
        })
        .await
        .unwrap_or(0)
    }

    /// A new, empty temporary file for an upload.
    async fn spool(&self) -> AppResult<(Spooled, tokio::fs::File)> {
        let path = self.spool_dir.join(format!("{}.part", random_name()));
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("spooling an upload: {e}")))?;
        Ok((
            Spooled {
                path,
                size: 0,
                text: true,
            },
            file,
        ))
    }

    /// Checks that an upload is an image we take, within the size limit, and
    /// stores it under a new random name.
    pub async fn put_image(&self, file: Spooled) -> AppResult<StoredFile> {
        if file.len() > self.max_image_bytes {
            return Err(AppError::PayloadTooLarge(format!(
                "The image is larger than {} KiB",
                self.max_image_bytes / 1024
            )));
        }
        let kind = file.sniff(IMAGE_TYPES).await?.ok_or_else(|| {
            AppError::validation("The file is not a PNG, JPEG, GIF or WebP image").said(
                "invalid-not-an-image",
                None,
                &[],
            )
        })?;
        self.put("images", kind, file).await
    }

    /// Checks that a material's file is of a type we take (by its content) and
    /// within `max_bytes`, and stores it under a new random name. `name` is only
    /// used in the error message.
    pub async fn put_file(
        &self,
        name: &str,
        file: Spooled,
        max_bytes: usize,
    ) -> AppResult<StoredFile> {
        if file.len() > max_bytes {
            return Err(AppError::PayloadTooLarge(format!(
                "{name} is larger than {} KiB",
                max_bytes / 1024
            )));
        }
        let kind = file.sniff(FILE_TYPES).await?.ok_or_else(|| {
            AppError::validation(format!(
                "{name} is not a file we take: PDF, office documents, images, audio, video, \
                 archives or plain text"
            ))
            .said("invalid-file-kind", None, &[("value", name.to_string())])
        })?;
        self.put("files", kind, file).await
    }

    /// Copies a spooled upload into the store: small ones in one piece, larger
    /// ones in parts, so no more than a part is in memory.
    async fn put(
        &self,
        folder: &str,
        (media_type, extension): (&'static str, &'static str),
        file: Spooled,
    ) -> AppResult<StoredFile> {
        let key = format!("{folder}/{}.{extension}", random_name());
        let location = StorePath::from(key.as_str());
        let internal = |e: std::io::Error| AppError::Internal(e.into());
        let mut source = tokio::fs::File::open(&file.path).await.map_err(internal)?;
        if file.size <= self.part_bytes {
            let mut bytes = Vec::with_capacity(file.size);
            source.read_to_end(&mut bytes).await.map_err(internal)?;
            self.store
                .put(&location, Bytes::from(bytes).into())
                .await
                .map_err(|e| AppError::Internal(e.into()))?;
        } else {
            let upload = self
                .store
                .put_multipart(&location)
                .await
                .map_err(|e| AppError::Internal(e.into()))?;
            let mut parts = WriteMultipart::new_with_chunk_size(upload, self.part_bytes);
            let mut piece = vec![0u8; 256 * 1024];
            let copied: AppResult<()> = async {
                loop {
                    let n = source.read(&mut piece).await.map_err(internal)?;
                    if n == 0 {
                        return Ok(());
                    }
                    // At most two parts in flight besides the one being filled.
                    parts
                        .wait_for_capacity(2)
                        .await
                        .map_err(|e| AppError::Internal(e.into()))?;
                    parts.write(&piece[..n]);
                }
            }
            .await;
            if let Err(e) = copied {
                let _ = parts.abort().await;
                return Err(e);
            }
            parts
                .finish()
                .await
                .map_err(|e| AppError::Internal(e.into()))?;
        }
        Ok(StoredFile {
            key,
            media_type,
            size: file.size,
        })
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

    /// A stored file as a body that streams from the store, and its size.
    async fn get(&self, key: &str) -> AppResult<(Body, u64)> {
        let result = self.store.get(&StorePath::from(key)).await;
        match result {
            Ok(found) => {
                let size = found.meta.size;
                Ok((Body::from_stream(found.into_stream()), size))
            }
            Err(object_store::Error::NotFound { .. }) => Err(AppError::NotFound),
            Err(e) => Err(AppError::Internal(e.into())),
        }
    }
}

/// A form sent as `multipart/form-data`: its text fields (a field sent more than
/// once has its values joined by commas) and its files (the parts named `file` or
/// `files[]`, with the names they were sent with).
#[derive(Debug, Default)]
pub struct Upload {
    pub fields: std::collections::HashMap<String, String>,
    pub files: Vec<(String, Spooled)>,
}

const MAX_TEXT_FIELDS: usize = 40;
const MAX_TEXT_FIELD_BYTES: usize = 64 * 1024;
/// Most files one form may carry.
pub const MAX_FILES: usize = 10;
/// The files of one form together hold at most this many times the size of one.
const MAX_TOTAL_FILES_FACTOR: usize = 4;

impl Upload {
    /// Reads the form, its files into temporary files, taking no more than
    /// `max_file_bytes` of a file: a larger one is refused before the rest of it
    /// is read. Waits for a turn among the uploads read at once.
    pub async fn read(
        mut multipart: axum::extract::Multipart,
        max_file_bytes: usize,
        media: &MediaStore,
    ) -> AppResult<Upload> {
        let _turn = media.upload_turn().await?;
        let bad = |e: axum::extract::multipart::MultipartError| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge("The upload is too large".into())
            } else {
                AppError::bad_request(format!("Malformed upload: {}", e.body_text()))
            }
        };
        let mut upload = Upload::default();
        // What one request may hold in memory, all files together.
        let max_total = max_file_bytes.saturating_mul(MAX_TOTAL_FILES_FACTOR);
        let mut total = 0usize;
        while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_string();
            let is_file = name == "file" || name == "files[]";
            let file_name: String = field
                .file_name()
                .unwrap_or("file")
                .chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect();
            let (limit, too_large) = if is_file {
                (
                    max_file_bytes,
                    format!("{file_name} is larger than {} KiB", max_file_bytes / 1024),
                )
            } else {
                (
                    MAX_TEXT_FIELD_BYTES,
                    format!("The field {name} is too long"),
                )
            };
            if is_file {
                let (mut spooled, mut out) = media.spool().await?;
                let mut text = TextCheck::new();
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    if spooled.size + chunk.len() > limit {
                        return Err(AppError::PayloadTooLarge(too_large));
                    }
                    total += chunk.len();
                    if total > max_total {
                        return Err(AppError::PayloadTooLarge(format!(
                            "The files together are larger than {} KiB: send fewer at once",
                            max_total / 1024
                        )));
                    }
                    text.feed(&chunk);
                    out.write_all(&chunk).await.map_err(|e| {
                        AppError::Internal(anyhow::anyhow!("spooling an upload: {e}"))
                    })?;
                    spooled.size += chunk.len();
                }
                out.flush()
                    .await
                    .map_err(|e| AppError::Internal(anyhow::anyhow!("spooling an upload: {e}")))?;
                spooled.text = text.finish();
                // A file input left empty still sends its part, with no bytes.
                if !spooled.is_empty() {
                    if upload.files.len() >= MAX_FILES {
                        return Err(AppError::validation(format!(
                            "At most {MAX_FILES} files can be sent at once"
                        ))
                        .said(
                            "invalid-files-at-once",
                            None,
                            &[("max", MAX_FILES.to_string())],
                        ));
                    }
                    upload.files.push((file_name, spooled));
                }
                continue;
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if bytes.len() + chunk.len() > limit {
                    return Err(AppError::PayloadTooLarge(too_large));
                }
                bytes.extend_from_slice(&chunk);
            }
            let text = String::from_utf8(bytes)
                .map_err(|_| AppError::bad_request(format!("The field {name} is not text")))?;
            // A field sent more than once (a multi-select, a group of checkboxes)
            // keeps every value, joined by commas.
            if let Some(earlier) = upload.fields.get_mut(&name) {
                if earlier.len() + 1 + text.len() > MAX_TEXT_FIELD_BYTES {
                    return Err(AppError::PayloadTooLarge(too_large));
                }
                earlier.push(',');
                earlier.push_str(&text);
            } else {
                if upload.fields.len() >= MAX_TEXT_FIELDS {
                    return Err(AppError::bad_request("The form has too many fields"));
                }
                upload.fields.insert(name, text);
            }
        }
        Ok(upload)
    }

    /// The first file sent, without its name.
    pub fn into_file(self) -> Option<Spooled> {
        self.files.into_iter().next().map(|(_, file)| file)
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// A new random file name: 32 hex digits.
fn random_name() -> String {
    let mut name = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut name);
    name.iter().map(|b| format!("{b:02x}")).collect()
}

/// The media type of a stored file, from the extension we gave it.
pub fn media_type_of(key: &str) -> Option<&'static str> {
    let (folder, file) = key.split_once('/')?;
    let (name, extension) = file.rsplit_once('.')?;
    if name.len() != 32 || !name.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let (_, types) = FOLDERS.iter().find(|(f, _)| *f == folder)?;
    types
        .iter()
        .find(|(_, ext)| *ext == extension)
        .map(|(mime, _)| *mime)
}

/// `GET /media/{folder}/{file}`: a stored file, with the type it was stored as.
pub async fn serve(
    data: activitypub_federation::config::Data<crate::AppState>,
    Path((folder, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let key = format!("{folder}/{file}");
    let media_type = media_type_of(&key).ok_or(AppError::NotFound)?;
    let (body, size) = data.media.get(&key).await?;
    // Images show in pages; everything else is downloaded, never shown as a page
    // of ours.
    let disposition = if folder == "images" {
        "inline"
    } else {
        "attachment"
    };
    Ok((
        [
            (header::CONTENT_TYPE, media_type),
            (header::CONTENT_DISPOSITION, disposition),
            // Names are random and never reused: the content never changes.
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            (header::CONTENT_LENGTH, &size.to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox",
            ),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_checked_across_the_pieces_it_arrives_in() {
        let text = "Grüße, ½ and 🎓".as_bytes();
        for cut in 0..text.len() {
            let mut check = TextCheck::new();
            check.feed(&text[..cut]);
            check.feed(&text[cut..]);
            assert!(check.finish(), "cut at {cut}");
        }
        let mut cut_short = TextCheck::new();
        cut_short.feed(&text[..text.len() - 1]);
        assert!(!cut_short.finish(), "a character cut off at the end");
        for bad in [&b"ab\xffcd"[..], b"nul\0inside", b"\xc3\x28"] {
            let mut check = TextCheck::new();
            check.feed(bad);
            assert!(!check.finish(), "{bad:?}");
        }
    }

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
