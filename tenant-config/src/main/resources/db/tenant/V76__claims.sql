-- QĐ 130 / QĐ 4210 claim intake (vn.hssk.claims). claim_envelope is the receipt of one uploaded GIAMDINHHS envelope
-- with its report, one line per HOSO (outcome LINKED, REVIEW, DUPLICATE or REFUSED with the message code, its
-- arguments and the English sentence). claim is one accepted claim (MA_LK) with what its summary table said; a claim
-- is LINKED to a person (and then has the part D visit it became), waits in REVIEW in the list of a commune
-- (review_commune_id; null = the province's list only), or was DISMISSED by station staff with a reason. Facility
-- + MA_LK is unique: the same envelope imported twice adds nothing. claim_line holds the claim's detail rows: drugs
-- (XML2), services and supplies (XML3), paraclinical results (XML4) and papers (XML7, XML13, XML14).
CREATE TABLE claim_envelope (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    file_name     VARCHAR(255)  NULL,
    facility_code VARCHAR(10)   NULL,
    size_bytes    BIGINT        NOT NULL,
    claims_total  INT           NOT NULL DEFAULT 0,
    linked        INT           NOT NULL DEFAULT 0,
    waiting       INT           NOT NULL DEFAULT 0,
    duplicates    INT           NOT NULL DEFAULT 0,
    refused       INT           NOT NULL DEFAULT 0,
    version       INT           NOT NULL DEFAULT 0,
    created_at    TIMESTAMP(3)  NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    changed_at    TIMESTAMP(3)  NULL,
    changed_by    VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    INDEX ix_claim_envelope_created (created_by, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE claim_envelope_line (
    envelope_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    claim_key   VARCHAR(100)  NOT NULL,
    outcome     VARCHAR(10)   NOT NULL,
    code        VARCHAR(60)   NULL,
    args        VARCHAR(2000) NULL,
    message     VARCHAR(2000) NULL,
    claim_id    BIGINT        NULL,
    PRIMARY KEY (envelope_id, position),
    CONSTRAINT fk_claim_envelope_line FOREIGN KEY (envelope_id) REFERENCES claim_envelope (id),
    CONSTRAINT ck_claim_envelope_line CHECK (outcome IN ('LINKED', 'REVIEW', 'DUPLICATE', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE claim (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    envelope_id       BIGINT        NOT NULL,
    facility_code     VARCHAR(10)   NOT NULL,
    claim_key         VARCHAR(100)  NOT NULL,
    encoding          VARCHAR(6)    NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    match_rule        VARCHAR(12)   NOT NULL,
    person_id         BIGINT        NULL,
    candidate_id      BIGINT        NULL,
    review_commune_id BIGINT        NULL,
    review_note       VARCHAR(60)   NULL,
    visit_id          BIGINT        NULL,
    patient_code      VARCHAR(100)  NULL,
    full_name         VARCHAR(255)  NOT NULL,
    personal_id       VARCHAR(15)   NULL,
    birth_date        DATE          NULL,
    sex               TINYINT       NULL,
    bhyt_cards        VARCHAR(500)  NULL,
    address           VARCHAR(1024) NULL,
    residence_commune VARCHAR(5)    NULL,
    admitted_at       DATETIME      NOT NULL,
    discharged_at     DATETIME      NULL,
    main_icd          VARCHAR(10)   NULL,
    secondary_icds    VARCHAR(200)  NULL,
    diagnosis_text    VARCHAR(2000) NULL,
    reason            VARCHAR(1000) NULL,
    referred_from     VARCHAR(10)   NULL,
    referred_to       VARCHAR(10)   NULL,
    referral_paper    VARCHAR(50)   NULL,
    treatment_outcome VARCHAR(5)    NULL,
    discharge_type    VARCHAR(5)    NULL,
    advice            VARCHAR(2000) NULL,
    weight_kg         DECIMAL(7, 2) NULL,
    follow_up         VARCHAR(50)   NULL,
    dismiss_reason    VARCHAR(500)  NULL,
    decided_at        TIMESTAMP(3)  NULL,
    decided_by        VARCHAR(100)  NULL,
    version           INT           NOT NULL DEFAULT 0,
    created_at        TIMESTAMP(3)  NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    changed_at        TIMESTAMP(3)  NULL,
    changed_by        VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_claim_key UNIQUE (facility_code, claim_key),
    CONSTRAINT fk_claim_envelope FOREIGN KEY (envelope_id) REFERENCES claim_envelope (id),
    CONSTRAINT fk_claim_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_claim_candidate FOREIGN KEY (candidate_id) REFERENCES person (id),
    CONSTRAINT fk_claim_commune FOREIGN KEY (review_commune_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_claim_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
    CONSTRAINT ck_claim_status CHECK (status IN ('LINKED', 'REVIEW', 'DISMISSED')),
    CONSTRAINT ck_claim_linked CHECK ((status = 'LINKED') = (person_id IS NOT NULL AND visit_id IS NOT NULL)),
    INDEX ix_claim_review (status, review_commune_id, created_at),
    INDEX ix_claim_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE claim_line (
    claim_id     BIGINT        NOT NULL,
    position     INT           NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    source_table VARCHAR(6)    NOT NULL,
    code         VARCHAR(50)   NULL,
    name         VARCHAR(1024) NULL,
    amount       VARCHAR(50)   NULL,
    unit         VARCHAR(50)   NULL,
    detail       VARCHAR(2000) NULL,
    line_at      DATETIME      NULL,
    PRIMARY KEY (claim_id, position),
    CONSTRAINT fk_claim_line FOREIGN KEY (claim_id) REFERENCES claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
