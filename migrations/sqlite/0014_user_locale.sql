-- The interface language a person chose (a code of i18n::LANGUAGES); NULL: the
-- browser's choice, else the instance's language.
ALTER TABLE users ADD COLUMN locale TEXT;
