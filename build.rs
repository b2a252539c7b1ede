// The translations are compiled in (`i18n::LOCALES`); a new .ftl file must
// rebuild the crate as a changed one does.
fn main() {
    println!("cargo:rerun-if-changed=frontend/locales");
}
