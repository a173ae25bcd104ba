package vn.hssk.icd10.rest;

import vn.hssk.icd10.Icd10Code;

/** An ICD-10 code with its Vietnamese name and whether it came with the catalog or from the province. */
public record Icd10View(String code, String name, String source) {

    public static Icd10View of(Icd10Code c) {
        return new Icd10View(c.getCode(), c.getName(), c.getSource());
    }
}
