-- Vietnamese names of the vaccines, which screens, invitations and certificates show in the Vietnamese UI (the
-- schedule catalog names products in English). vaccine_name_source holds the names of the national catalog's products
-- by code; a province administrator corrects a vaccine's own name_vi. The schedule loader copies the names onto the
-- vaccines it creates, and this migration onto the vaccines a province already has.

CREATE TABLE vaccine_name_source (
    code    VARCHAR(60)  NOT NULL,
    name_vi VARCHAR(200) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO vaccine_name_source (code, name_vi) VALUES
    ('HEPB-MONOVALENT', 'Vắc xin viêm gan B đơn giá (liều sơ sinh)'),
    ('BCG', 'Vắc xin phòng lao (BCG)'),
    ('DPT-VGB-HIB', 'Vắc xin 5 trong 1 (bạch hầu, ho gà, uốn ván, viêm gan B, Hib)'),
    ('OPV', 'Vắc xin bại liệt uống (OPV)'),
    ('IPV', 'Vắc xin bại liệt tiêm (IPV)'),
    ('MEASLES-MONOVALENT', 'Vắc xin sởi đơn giá'),
    ('MR', 'Vắc xin sởi - rubella (MR)'),
    ('DPT-BOOSTER', 'Vắc xin bạch hầu - ho gà - uốn ván (DPT) nhắc lại'),
    ('TD-BOOSTER', 'Vắc xin uốn ván - bạch hầu giảm liều (Td) nhắc lại'),
    ('JE-VACCINE', 'Vắc xin viêm não Nhật Bản'),
    ('TETANUS-CONTAINING-VACCINE-NO-UNKNOWN-INCOMPLETE-BASIC-DOSES',
     'Vắc xin uốn ván cho phụ nữ có thai (chưa tiêm, không rõ hoặc chưa đủ 3 mũi cơ bản)'),
    ('TETANUS-CONTAINING-VACCINE-WOMAN-HAD-THE-3-BASIC-CHILDHOOD-D',
     'Vắc xin uốn ván cho phụ nữ có thai (đã tiêm đủ 3 mũi cơ bản khi nhỏ)'),
    ('TETANUS-CONTAINING-VACCINE-3-BASIC-DOSES-1-BOOSTER',
     'Vắc xin uốn ván cho phụ nữ có thai (đã tiêm 3 mũi cơ bản và 1 mũi nhắc lại)'),
    ('ORAL-ROTAVIRUS-VACCINE', 'Vắc xin tiêu chảy do vi rút Rota (uống)'),
    ('PCV', 'Vắc xin phế cầu (PCV)'),
    ('HPV-VACCINE', 'Vắc xin HPV (phòng ung thư cổ tử cung)');

ALTER TABLE vaccine ADD COLUMN name_vi VARCHAR(200) NULL AFTER name;

UPDATE vaccine v JOIN vaccine_name_source n ON n.code = v.code SET v.name_vi = n.name_vi WHERE v.name_vi IS NULL;
