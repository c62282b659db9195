package org.jiliang.lims.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jiliang.lims.registry.InstrumentUnderTest;

/** One notice: an instrument, the due date of its cycle, the kind; unique together (the run's idempotency key). */
@Entity
@Table(name = "recall_notice")
public class RecallNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id", updatable = false)
    private InstrumentUnderTest instrument;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RecallKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id", updatable = false)
    private RecallLetter letter;

    protected RecallNotice() {
    }

    RecallNotice(InstrumentUnderTest instrument, LocalDate dueDate, RecallKind kind, RecallLetter letter) {
        this.instrument = instrument;
        this.dueDate = dueDate;
        this.kind = kind;
        this.letter = letter;
    }

    public InstrumentUnderTest instrument() {
        return instrument;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public RecallKind kind() {
        return kind;
    }
}
