package org.jiliang.lims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The strict type check of request bodies, on the API's own body classes: what Yasson would have coerced or
 * failed on with its own text is named member by member.
 */
class JsonBodyCheckTest {

    @Test
    void aNumberIsNotACode() {
        assertThat(problems("{\"code\":12345}", BenchAgentResource.Registration.class))
                .containsExactly("code: input.type.string");
    }

    @Test
    void everyWrongMemberIsNamedAtOnce() {
        assertThat(problems("{\"instrumentId\":\"1\",\"verificationType\":\"NOPE\",\"benchDevice\":7,\"extra\":true}",
                JobResource.OpenJob.class)).containsExactly("instrumentId: input.type.integer",
                        "verificationType: input.type.enum", "benchDevice: input.type.string",
                        "extra: input.unknownMember");
    }

    /** Found by ApiFuzzIT: a string where the parameters object belongs went on to Yasson and came back a 500. */
    @Test
    void anInstrumentsParametersAreAnObjectOfTexts() {
        assertThat(problems("{\"kind\":\"DMM\",\"parameters\":\"1 V\"}", CustomerResource.Instrument.class))
                .containsExactly("parameters: input.type.object");
        assertThat(problems("{\"kind\":\"DMM\",\"parameters\":{\"digits\":6,\"dcv.ranges\":\"1 V\"}}",
                CustomerResource.Instrument.class)).containsExactly("parameters.digits: input.type.string");
        assertThat(problems("{\"kind\":\"DMM\",\"parameters\":{\"digits\":\"6½\"}}",
                CustomerResource.Instrument.class)).isEmpty();
    }

    @Test
    void integersMustBeWholeAndWithinTheirJavaType() {
        assertThat(problems("{\"port\":65536,\"pollIntervalMs\":2147483648}", DeviceResource.Registration.class))
                .containsExactly("pollIntervalMs: input.type.integer");
        assertThat(problems("{\"port\":1.5}", DeviceResource.Registration.class))
                .containsExactly("port: input.type.integer");
        assertThat(problems("{\"instrumentId\":1e999999999}", JobResource.OpenJob.class))
                .containsExactly("instrumentId: input.type.integer");
        assertThat(problems("{\"port\":null}", DeviceResource.Registration.class))
                .containsExactly("port: input.required");
    }

    @Test
    void absurdNumbersAreRefusedBeforeAnyoneComputesWithThem() {
        for (String number : new String[] {"1e999999999", "-1e999999999", "1e-999999999",
                "1234567890123456789012345678901"}) {
            assertThat(problems("{\"temperature\":" + number + ",\"humidity\":50}", JobResource.Conditions.class))
                    .as(number).containsExactly("temperature: input.type.numberTooLarge");
        }
        assertThat(problems("{\"temperature\":\"20\",\"humidity\":50}", JobResource.Conditions.class))
                .containsExactly("temperature: input.type.number");
        assertThat(problems("{\"temperature\":20.25,\"humidity\":50.5}", JobResource.Conditions.class)).isEmpty();
    }

    @Test
    void datesAreStrictAndWithinFourDigitYears() {
        assertThat(problems("{\"effectiveFrom\":\"2026-02-30\"}", ProcedureResource.Edition.class))
                .containsExactly("effectiveFrom: input.type.date");
        assertThat(problems("{\"effectiveFrom\":\"+999999999-12-31\"}", ProcedureResource.Edition.class))
                .containsExactly("effectiveFrom: input.type.date");
        assertThat(problems("{\"effectiveFrom\":\"2027-01-01\"}", ProcedureResource.Edition.class)).isEmpty();
    }

    @Test
    void listElementsAreCheckedWithTheirIndex() {
        assertThat(problems("{\"frames\":[{\"device\":\"D-1\",\"sequence\":\"1\"},{\"value\":{}}]}",
                AgentResource.Batch.class)).containsExactly("frames[0].sequence: input.type.integer",
                        "frames[1].value: input.type.number");
        assertThat(problems("{\"frames\":{}}", AgentResource.Batch.class)).containsExactly("frames: input.type.list");
    }

    @Test
    void setsAreCheckedLikeLists() {
        assertThat(problems("{\"roles\":\"technician\"}", AccountResource.Roles.class))
                .containsExactly("roles: input.type.list");
        assertThat(problems("{\"roles\":[\"technician\",7]}", AccountResource.Roles.class))
                .containsExactly("roles[1]: input.type.string");
        assertThat(problems("{\"roles\":[\"technician\"]}", AccountResource.Roles.class)).isEmpty();
    }

    @Test
    void noTextMayHoldTheNulCharacter() {
        assertThat(problems("{\"roles\":[\"tech\\u0000nician\"]}", AccountResource.Roles.class))
                .containsExactly("roles[0]: input.nul");
        assertThat(problems("{\"code\":\"BENCH\\u0000\"}", BenchAgentResource.Registration.class))
                .containsExactly("code: input.nul");
    }

    @Test
    void theBodyMustBeAnObject() {
        assertThat(problems("[]", JobResource.Capture.class)).containsExactly(": input.type.object");
        assertThat(problems("\"x\"", JobResource.Capture.class)).containsExactly(": input.type.object");
    }

    @Test
    void problemsAreSaidWithTheFieldsLabelInTheCallersLanguage() {
        var problem = new InputProblem("humidity", "validation.DecimalMin", "0");
        assertThat(problem.say(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                new Problem.FieldProblem("humidity", "相对湿度", "不能小于 0"));
        assertThat(problem.say(Locale.ENGLISH)).isEqualTo(
                new Problem.FieldProblem("humidity", "Relative humidity", "must not be less than 0"));
        // a member the caller made up keeps its name, shortened, and is never looked up as a message pattern
        var made = new InputProblem("{0}" + "x".repeat(300), "input.unknownMember");
        assertThat(made.say(Locale.ENGLISH).label()).startsWith("{0}xx").hasSizeLessThan(110);
    }

    private static List<String> problems(String json, Class<?> type) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return JsonBodyCheck.typeProblems(value, type, type).stream().map(p -> p.field() + ": " + p.key()).toList();
    }
}
