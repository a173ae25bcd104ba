-- Requests to the public immunization pages (citizen look-up, certificate verification) per client address and
-- minute: the rate limit lives here so that every node counts the same requests.

CREATE TABLE public_request (
    bucket       VARCHAR(100) NOT NULL,
    window_start TIMESTAMP    NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (bucket, window_start),
    KEY ix_public_request_window (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
