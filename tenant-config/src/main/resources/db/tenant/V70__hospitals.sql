-- The hospitals of the province that answer tele-consultation requests from the commune stations. A hospital is a
-- facility of the province: its facility code (mã cơ sở KCB) has 5 digits, the first two the province's code, and
-- names one facility for good (unique, also once closed). Hospital doctors carry the code in their token ("facility").
-- A hospital is closed (it takes no new requests) and may reopen; it is never deleted.
CREATE TABLE hospital (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    facility_code CHAR(5)      NOT NULL,
    name          VARCHAR(200) NOT NULL,
    address       VARCHAR(300) NULL,
    is_open       TINYINT(1)   NOT NULL DEFAULT 1,
    version       INT          NOT NULL DEFAULT 0,
    created_at    TIMESTAMP(3) NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    changed_at    TIMESTAMP(3) NULL,
    changed_by    VARCHAR(100) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_hospital_code (facility_code),
    CONSTRAINT ck_hospital_code CHECK (facility_code REGEXP '^[0-9]{5}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
