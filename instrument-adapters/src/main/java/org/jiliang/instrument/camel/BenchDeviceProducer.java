package org.jiliang.instrument.camel;

import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.transport.TcpLink;

/**
 * Sends the message body (command text such as {@code Z} or {@code SI}) to the device and puts the
 * answer in the message body: a {@link org.jiliang.instrument.reading.DeviceReading} when the
 * command is answered by a reading (MT-SICS {@code S}, {@code SI}), otherwise the protocol's typed
 * response ({@link org.jiliang.instrument.mtsics.MtSicsResponse}). The raw reply goes in the
 * {@link BenchDeviceConstants#RAW_FRAME} header.
 *
 * <p>Each command uses its own short connection, so a late or extra line (e.g. the second line of
 * {@code C}) can never be read as the answer to the next command. Only the first line of a
 * multi-line answer is returned.
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
        oneCommandAtATime.lock();
        try (TcpLink link = TcpLink.connect(configuration.getHost(), configuration.getPort(),
                configuration.connectTimeout(), configuration.getMaxFrameLength())) {
            link.send(request);
            byte[] reply = link.readFrame(configuration.readTimeout());
            RawFrame frame = new RawFrame(configuration.getDeviceId(), 0, endpoint.getClock().instant(), reply);
            Message message = exchange.getMessage();
            message.setBody(codec.isReadingCommand(command) ? codec.interpret(frame) : codec.decode(reply));
            message.setHeader(BenchDeviceConstants.DEVICE_ID, frame.deviceId());
            message.setHeader(BenchDeviceConstants.RAW_FRAME, frame);
        } finally {
            oneCommandAtATime.unlock();
        }
    }
}
