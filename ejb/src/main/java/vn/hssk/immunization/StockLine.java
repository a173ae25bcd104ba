package vn.hssk.immunization;

import java.io.Serializable;
import java.time.LocalDate;

/** One lot's balance at one station. */
public record StockLine(long stationId, String stationName, String communeCode, long lotId, String lotNumber,
                        String vaccineCode, String vaccineName, LocalDate expiry, int balance) implements Serializable {
}
