package vn.hssk.icd10.rest;

/** The body of {@code POST /api/icd10}: a code the province's catalog lacks, with its Vietnamese name. */
public record Icd10Request(String code, String name) {
}
