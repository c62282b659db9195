package org.jiliang.instrument.sbi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Optional;

import org.jiliang.instrument.transport.Framer;

/**
 * The balance's side of SBI: cuts the host's byte stream into commands, {@code ESC} + an upper-case
 * letter, or {@code ESC} + a lower-case letter and characters up to {@code _}. Bytes outside a
 * command (the optional CR LF) are dropped; a format-2 command that runs past four characters is
 * handed out as read, so the device can reject it.
 *
 * <p>Dropping the bytes between commands is the simulated balance's business only: this framer reads
 * what a host sends to a device, never a device's output, whose every byte is kept (issue 9).
 */
public final class SbiCommandFramer implements Framer {

    private static final int MAX_COMMAND_LENGTH = 5;

    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == SbiCommand.ESC) {
                if (command.size() > 0) {
                    frames.add(command.toByteArray());
                    command.reset();
                }
                command.write(b);
                continue;
            }
            if (command.size() == 0) {
                continue;
            }
            command.write(b);
            boolean formatOne = command.size() == 2 && b >= 'A' && b <= 'Z';
            boolean formatTwoEnd = command.size() > 2 && b == '_';
            if (formatOne || formatTwoEnd || command.size() == MAX_COMMAND_LENGTH || (command.size() == 2 && !(b >= 'a' && b <= 'z'))) {
                frames.add(command.toByteArray());
                command.reset();
            }
        }
    }

    @Override
    public Optional<byte[]> nextFrame() {
        return Optional.ofNullable(frames.poll());
    }

    @Override
    public boolean hasFrame() {
        return !frames.isEmpty();
    }

    @Override
    public int pendingBytes() {
        return command.size();
    }

    @Override
    public byte[] takePending() {
        byte[] pending = command.toByteArray();
        command.reset();
        return pending;
    }

    @Override
    public int maxFrameLength() {
        return MAX_COMMAND_LENGTH;
    }
}
