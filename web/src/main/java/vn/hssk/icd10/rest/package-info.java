/** The ICD-10 catalog over REST: search by code prefix or name words (diacritics ignored); the province adds codes. */
package vn.hssk.icd10.rest;
