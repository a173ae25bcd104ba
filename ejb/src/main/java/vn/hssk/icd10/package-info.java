/**
 * The ICD-10 codes a province diagnoses with: a compact catalog of primary-care codes with Vietnamese names, loaded
 * into each tenant's schema from {@code catalogs/icd10-primary-care.csv} and extended by the province. Codes are
 * searched by code prefix or by words of the name, with or without diacritics.
 */
package vn.hssk.icd10;
