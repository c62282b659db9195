package org.jiliang.lims.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A stored {@link Problem} of a preview. */
@Entity
@Table(name = "import_problem")
public class ImportProblem {

    private static final String SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "batch_id", updatable = false)
    private ImportBatch batch;

    @Column(name = "row_number", nullable = false, updatable = false)
    private int rowNumber;

    @Column(name = "column_name", updatable = false)
    private String columnName;

    @Column(name = "message_key", nullable = false, updatable = false)
    private String messageKey;

    @Column(updatable = false)
    private String arguments;

    protected ImportProblem() {
    }

    ImportProblem(ImportBatch batch, Problem p) {
        this.batch = batch;
        this.rowNumber = p.row();
        this.columnName = p.column() == null ? null
                : p.column().length() <= 40 ? p.column() : p.column().substring(0, 39) + "…";
        this.messageKey = p.key();
        String joined = String.join(SEPARATOR, p.arguments());
        this.arguments = joined.length() <= 1000 ? joined : joined.substring(0, 999) + "…";
    }

    public Problem problem() {
        return new Problem(rowNumber, columnName, messageKey,
                arguments == null || arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split(SEPARATOR, -1)));
    }
}
