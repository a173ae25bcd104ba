/**
 * The province's review list of personal IDs: attempts by commune users on an ID held by a record they may not act
 * on (answered with one neutral refusal, the case kept here for the province administrator), and records saved with
 * an ID whose birth-registration province is not in the frozen list (a warning, checked here).
 */
package vn.hssk.review;
