-- Oxygen lent at home (the Minato scheme) and the oxygen/medical station (the Nerima scheme).

-- What registration records for routing: independent in daily living (ADL; NULL = not recorded)
-- and where equipment is delivered.
ALTER TABLE patients ADD COLUMN independent BIGINT;
ALTER TABLE patients ADD COLUMN address TEXT;

-- One unit of lent equipment: a cylinder, a breath-synchronising regulator or a concentrator.
CREATE TABLE equipment_units (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL,               -- cylinder | regulator | concentrator
    serial      TEXT    NOT NULL UNIQUE,
    state       TEXT    NOT NULL DEFAULT 'available', -- see domain::equipment::UnitState
    patient_id  BIGINT  REFERENCES patients (id),     -- while reserved, delivered, at home, to collect
    order_id    BIGINT,                                -- the oxygen order holding it
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX equipment_units_free ON equipment_units (kind, state, id);

-- Every change of a unit: who, when, why.
CREATE TABLE equipment_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id     BIGINT  NOT NULL REFERENCES equipment_units (id),
    from_state  TEXT,                           -- NULL when the unit was added
    to_state    TEXT    NOT NULL,
    actor       TEXT    NOT NULL,               -- staff:3 | provider:7 | system | cli
    reason      TEXT    NOT NULL,
    patient_id  BIGINT,
    at          BIGINT  NOT NULL
);
CREATE INDEX equipment_events_unit ON equipment_events (unit_id, id);

-- A doctor's order for oxygen at home, from the order to the collection of the kit.
CREATE TABLE oxygen_orders (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id             BIGINT  NOT NULL REFERENCES patients (id),
    care_request_id        BIGINT  REFERENCES care_requests (id),  -- the oxygen request it answers
    kit                    TEXT    NOT NULL,                       -- cylinder | concentrator
    flow_tenths            BIGINT  NOT NULL,                       -- L/min × 10
    status                 TEXT    NOT NULL DEFAULT 'ordered',     -- ordered | delivered | started | ended | cancelled
    ordered_by_provider    BIGINT  REFERENCES providers (id),
    ordered_by_staff       BIGINT  REFERENCES staff (id),
    delivery_request_id    BIGINT  REFERENCES care_requests (id),
    collection_request_id  BIGINT  REFERENCES care_requests (id),
    end_reason             TEXT,
    created_at             BIGINT  NOT NULL,
    delivered_at           BIGINT,
    started_at             BIGINT,
    ended_at               BIGINT
);
CREATE INDEX oxygen_orders_patient ON oxygen_orders (patient_id, status);

-- The oxygen/medical station and its beds.
CREATE TABLE stations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE beds (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id    BIGINT  NOT NULL REFERENCES stations (id),
    kind          TEXT    NOT NULL,              -- oxygen | therapy
    label         TEXT    NOT NULL,              -- O-01, T-01 …
    state         TEXT    NOT NULL DEFAULT 'free', -- free | held | occupied
    admission_id  BIGINT,
    updated_at    BIGINT  NOT NULL,
    UNIQUE (station_id, label)
);
CREATE INDEX beds_free ON beds (kind, state, id);

-- A patient's stay at the station: hotline request (or triage, or a therapy referral) → accepted
-- → admitted → (treated) → discharged home or transferred to hospital.
CREATE TABLE admissions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id       BIGINT  NOT NULL REFERENCES patients (id),
    station_id       BIGINT  NOT NULL REFERENCES stations (id),
    bed_id           BIGINT  NOT NULL REFERENCES beds (id),
    bed_kind         TEXT    NOT NULL,
    source           TEXT    NOT NULL,             -- triage | hotline | referral
    status           TEXT    NOT NULL DEFAULT 'requested',
    care_request_id  BIGINT  REFERENCES care_requests (id),
    note             TEXT,                          -- the last reason given
    pickup_request_id  BIGINT REFERENCES care_requests (id),  -- transport home → station
    return_request_id  BIGINT REFERENCES care_requests (id),  -- transport station → home
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX admissions_patient ON admissions (patient_id, status);

-- Where an oxygen request was routed by capacity: station | home | hospital.
ALTER TABLE care_requests ADD COLUMN route TEXT;
