package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAccessorsTest {

    public record Standard(String code, long daysLeft) {
        public String label() {
            return code + " (" + daysLeft + " d)";
        }

        public String failing() {
            throw new IllegalStateException("not read");
        }
    }

    public record Broken(String code) {
        @Override
        public String code() {
            throw new IllegalStateException("the accessor failed");
        }
    }

    record Hidden(String code) {
    }

    private final RecordAccessors resolver = new RecordAccessors();
    private final ELContext context = new Context();

    @Test
    void aPublicRecordsAccessorIsAnsweredAndTheCallResolved() {
        var standard = new Standard("STD-F1-001", 212);
        assertThat(resolver.invoke(context, standard, "code", null, new Object[0])).isEqualTo("STD-F1-001");
        assertThat(context.isPropertyResolved()).isTrue();
        context.setPropertyResolved(false);
        assertThat(resolver.invoke(context, standard, "daysLeft", new Class<?>[0], null)).isEqualTo(212L);
        assertThat(context.isPropertyResolved()).isTrue();
    }

    @Test
    void whatIsNotAnAccessorCallGoesOnToTheNextResolver() {
        var standard = new Standard("STD-F1-001", 212);
        // another method of the record, a method with arguments, a name the record lacks, a property, not a record
        assertThat(resolver.invoke(context, standard, "label", null, new Object[0])).isNull();
        assertThat(resolver.invoke(context, standard, "code", new Class<?>[] {String.class}, new Object[] {"x"}))
                .isNull();
        assertThat(resolver.invoke(context, standard, "name", null, new Object[0])).isNull();
        assertThat(resolver.getValue(context, standard, "code")).isNull();
        assertThat(resolver.invoke(context, List.of("a"), "size", null, new Object[0])).isNull();
        assertThat(resolver.invoke(context, null, "code", null, new Object[0])).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    @Test
    void aRecordThatIsNotPublicIsLeftToTheBeanResolver() {
        assertThat(resolver.invoke(context, new Hidden("STD-X"), "code", null, new Object[0])).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    @Test
    void anAccessorThatFailsReachesThePageAsAnExpressionError() {
        assertThatThrownBy(() -> resolver.invoke(context, new Broken("x"), "code", null, new Object[0]))
                .isInstanceOf(ELException.class).hasRootCauseMessage("the accessor failed");
    }

    private static final class Context extends ELContext {
        @Override
        public ELResolver getELResolver() {
            return new RecordAccessors();
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }
}
