-- The LINE rich menus `mimamori line setup` made: one per audience and language. A patient or
-- provider is linked to theirs when they enrol and when they change language.
CREATE TABLE rich_menus (
    audience TEXT NOT NULL,
    language TEXT NOT NULL,
    menu_id TEXT NOT NULL,
    name TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (audience, language)
);
