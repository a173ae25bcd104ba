/**
 * The station's care by household (seed 001): programmes of follow-up whose rules are data the province changes
 * ({@link vn.hssk.care.CareProgramme}), enrolment of people with hypertension, diabetes or a pregnancy and their
 * follow-up visits, and the village care list of what each household member is due for ({@link vn.hssk.care.CareList}),
 * printable and exportable.
 */
package vn.hssk.care;
