package org.jiliang.instrument.camel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.transport.Link;

/**
 * Sends the message body (command text such as {@code Z}, {@code SI}, {@code *IDN?} or {@code SEND})
 * to the device and puts the answer in the message body: a
 * {@link org.jiliang.instrument.reading.DeviceReading} when the command is answered by a reading,
 * otherwise the protocol's typed response (e.g. {@link org.jiliang.instrument.mtsics.MtSicsResponse},
 * {@link org.jiliang.instrument.scpi.ScpiResponse}). The raw reply goes in the
 * {@link BenchDeviceConstants#RAW_FRAME} header. A command the protocol does not answer (SCPI
 * {@code *RST}, SBI {@code ESC T}) leaves the body empty.
 *
 * <p>If a consumer of this JVM reads the same device, the command goes over that consumer's link,
 * between two of its polls; a consumer in stream mode then gets the answer in its stream and the body
 * stays empty. Otherwise each command uses its own short connection (or serial port opening), so a
 * late or extra line (e.g. the second line of MT-SICS {@code C}) can never be read as the answer to
 * the next command. Only the first line of a multi-line answer is returned.
 */
public class BenchDeviceProducer extends DefaultProducer {

    private final BenchDeviceEndpoint endpoint;
    private final BenchDeviceConfiguration configuration;
    private final DeviceCodec<?> codec;
    // MT-SICS devices may mix up commands sent without waiting for the answer (protocols.md 4.1).
    private final ReentrantLock oneCommandAtATime = new ReentrantLock();

    public BenchDeviceProducer(BenchDeviceEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.codec = endpoint.getCodec();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String command = exchange.getIn().getMandatoryBody(String.class);
        codec.encodeCommand(command); // refuses a malformed command before anything is sent
        boolean expectReply = codec.expectsReply(command);
        DeviceSession.Outcome outcome;
        List<DeviceReading> others = new ArrayList<>();
        Optional<DeviceSession> owner = DeviceOwners.owner(configuration.getDeviceId());
        if (owner.isPresent()) {
            outcome = owner.get().request(command, expectReply, configuration.readTimeout());
        } else {
            oneCommandAtATime.lock();
            try (Link link = endpoint.openLink()) {
                outcome = DeviceSession.forOneCommand(endpoint, collector(others))
                        .converse(link, command, expectReply, collector(others), false);
            } finally {
                oneCommandAtATime.unlock();
            }
        }
        Message message = exchange.getMessage();
        message.setHeader(BenchDeviceConstants.DEVICE_ID, configuration.getDeviceId());
        message.setHeader(BenchDeviceConstants.DEVICE_ERRORS, outcome.deviceErrors());
        if (owner.isEmpty()) {
            message.setHeader(BenchDeviceConstants.OTHER_FRAMES, List.copyOf(others));
        }
        // a command that brought no answer but an error has failed; an answer carries its errors itself
        if (outcome.timedOut() || (outcome.answer() == null && !outcome.deviceErrors().isEmpty())) {
            throw new DeviceErrorException("bench device " + configuration.getDeviceId()
                    + (outcome.timedOut() ? " did not answer '" + command + "' within " + configuration.getReadTimeout() + " ms"
                    : " refused '" + command + "'") + "; its error queue says " + outcome.deviceErrors(), outcome.deviceErrors());
        }
        byte[] reply = outcome.answer();
        if (reply == null) {
            message.setBody(null);
            return;
        }
        RawFrame frame = new RawFrame(configuration.getDeviceId(), 0, endpoint.getClock().instant(), reply);
        message.setBody(codec.isReadingCommand(command) ? outcome.reading() : codec.decodeReply(command, reply));
        message.setHeader(BenchDeviceConstants.RAW_FRAME, frame);
    }

    /** Collects the frames of a command on its own connection, read, numbered 0 like the reply. */
    private DeviceSession.FrameSink collector(List<DeviceReading> others) {
        return new DeviceSession.FrameSink() {
            @Override
            public void accept(byte[] frame, String framingProblem) {
                accept(frame, framingProblem, endpoint.getClock().instant(), null);
            }

            @Override
            public void accept(byte[] frame, String framingProblem, Instant receivedAt, Function<RawFrame, DeviceReading> reading) {
                RawFrame raw = new RawFrame(configuration.getDeviceId(), 0, receivedAt, frame);
                others.add(framingProblem != null ? DeviceReading.malformed(raw, framingProblem)
                        : reading != null ? reading.apply(raw) : codec.interpret(raw));
            }
        };
    }

    /** The device did not answer a command, and its error queue says why (SCPI {@code -113,"Undefined header"}). */
    public static final class DeviceErrorException extends java.io.IOException {
        private final List<String> deviceErrors;

        DeviceErrorException(String message, List<String> deviceErrors) {
            super(message);
            this.deviceErrors = List.copyOf(deviceErrors);
        }

        /** The error-queue entries as the device wrote them. */
        public List<String> deviceErrors() {
            return deviceErrors;
        }
    }
}
