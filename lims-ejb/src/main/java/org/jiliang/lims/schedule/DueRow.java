package org.jiliang.lims.schedule;

import java.time.LocalDate;

/**
 * One line of a due list: the instrument, its owner and place, its category, the verification its due date comes
 * from and the due date, with the days left (negative: overdue by that many days).
 */
public record DueRow(long instrumentId, String ownerCode, String ownerName, String site, String district,
        String category, String categoryName, String description, String manufacturer, String model,
        String serialNumber, String assetNumber, LocalDate lastVerifiedOn, String lastCertificate,
        LocalDate nextDueDate, long daysLeft) {
}
