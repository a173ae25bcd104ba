package vn.hssk.bench;

/** Picks the benchmark named on the command line. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "tenants" : args[0];
        switch (which) {
            case "tenants" -> TenantBench.run();
            case "units" -> UnitBench.run();
            case "persons" -> PersonBench.run();
            case "progress" -> ProgressBench.run();
            case "immunization" -> ImmunizationBench.run();
            case "claims" -> ClaimBench.run();
            case "fhir" -> FhirBench.run();
            case "reorganization" -> ReorganizationBench.run();
            case "country" -> CountryBench.run();
            case "merge" -> MergeBench.run();
            default -> throw new IllegalArgumentException("Unknown benchmark " + which
                    + "; known: tenants, units, persons, progress, immunization, claims, fhir,"
                    + " reorganization, country");
        }
        System.exit(0);
    }
}
