/**
 * Administrative reorganizations of a province's map: communes merged or split, villages moved to another commune,
 * units renamed or retyped with their code kept. A reorganization is prepared with its effective date, previewed unit
 * by unit with every count before and after and what happens to each thing ({@link vn.hssk.reorganization.ReorganizationMap}),
 * applied by a batch job in one transaction that journals every row it changes, and undone from that journal as a
 * whole until a record is written to a changed unit. Villages keep their rows and codes when they move, so people,
 * households and quotas follow them without being touched; what a unit was before is kept by period
 * ({@code admin_unit_period}) for the tree and reports of earlier days.
 */
package vn.hssk.reorganization;
