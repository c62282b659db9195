package org.jiliang.instrument.camel;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
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
        byte[] request = codec.encodeCommand(command);
        boolean expectReply = codec.expectsReply(command);
        byte[] reply;
        Optional<DeviceSession> owner = DeviceOwners.owner(configuration.getDeviceId());
        if (owner.isPresent()) {
            reply = owner.get().request(request, expectReply, configuration.readTimeout());
        } else {
            oneCommandAtATime.lock();
            try (Link link = endpoint.openLink()) {
                link.send(request);
                reply = expectReply ? link.readFrame(configuration.readTimeout()) : null;
            } finally {
                oneCommandAtATime.unlock();
            }
        }
        Message message = exchange.getMessage();
        message.setHeader(BenchDeviceConstants.DEVICE_ID, configuration.getDeviceId());
        if (reply == null) {
            message.setBody(null);
            return;
        }
        RawFrame frame = new RawFrame(configuration.getDeviceId(), 0, endpoint.getClock().instant(), reply);
        message.setBody(codec.isReadingCommand(command) ? codec.interpret(frame) : codec.decodeReply(command, reply));
        message.setHeader(BenchDeviceConstants.RAW_FRAME, frame);
    }
}
