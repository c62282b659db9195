package org.jiliang.lims.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test class that starts a WildFly of its own ({@link WildFlyProcess}, with a database of its own) and never touches
 * the server the other integration tests share. Such classes run one after the other in a second lane, beside the
 * classes of the shared server, which keep running one after the other in theirs
 * ({@code src/test/resources/junit-platform.properties}: two threads). What the second lane saves is the time these
 * classes wait (for a server to start, for a database to come back); their servers' boots share the two cores with the
 * other lane and slow it (measured in CI, 2026-12-07: 46:47 min against 50–52 before). {@code ApiFuzzIT} moved here
 * when the shared lane took 33 min and this one 20; the run was no shorter (33:27 against 33:32 of integration
 * tests), the shared lane's other classes slowing by what the fuzz no longer took: both cores are busy throughout, and
 * only less CPU work shortens the run now. It stays here because its rate limits, locked accounts and fixtures no
 * longer touch the shared server.
 *
 * <p>A class that uses the shared server, or anything else one test at a time may use (a serial port pair made for the
 * test is fine, the shared server's clock, mailbox or login counters are not), must not carry this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface OwnServer {
}
