-- Who covers which area in which shift (day / holiday = Sundays and public holidays by day /
-- night), pillar 2 of the seeds. Replaced as a whole by `mimamori roster load`.
CREATE TABLE roster_entries (
    provider_id  BIGINT  NOT NULL REFERENCES providers (id),
    area         TEXT    NOT NULL,
    shift        TEXT    NOT NULL,               -- day | holiday | night
    weekdays     TEXT    NOT NULL DEFAULT '',    -- day shift only on these (mon,tue,…); empty = every day
    position     BIGINT  NOT NULL,               -- order in the file: who is asked first
    PRIMARY KEY (provider_id, area, shift)
);
CREATE INDEX roster_entries_cover ON roster_entries (area, shift, position);
