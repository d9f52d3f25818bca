package io.bacalao.compute.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.PortMapping;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Host ports for port mappings: static, from the range in turn, all or none, released per execution. */
class PortAllocatorTest {
    /** Ports another program of the host holds. */
    private final Set<Integer> heldElsewhere = new HashSet<>();
    private final PortAllocator ports = new PortAllocator(20000, 20003, p -> !heldElsewhere.contains(p));

    private static NetworkConfig bridge(PortMapping... mappings) {
        return new NetworkConfig(NetworkType.Bridge, null, List.of(mappings));
    }

    private static PortMapping dynamic(String name, int target) {
        return new PortMapping(name, 0, target, null);
    }

    @Test
    void bridgeMappingsGetRangePortsInTurnAndTargetsDefaultToTheHostPort() throws Exception {
        List<PortMapping> got = ports.allocate("e-1", bridge(dynamic("web", 80), dynamic("api", 0)));

        assertEquals(List.of(new PortMapping("web", 20000, 80, null), new PortMapping("api", 20001, 20001, null)), got);
    }

    @Test
    void aStaticPortIsUsedAsGivenEvenOutsideTheRange() throws Exception {
        List<PortMapping> got = ports.allocate("e-1", bridge(new PortMapping("web", 40000, 8080, "127.0.0.1")));

        assertEquals(List.of(new PortMapping("web", 40000, 8080, "127.0.0.1")), got);
    }

    @Test
    void hostMappingsKeepNoTarget() throws Exception {
        List<PortMapping> got = ports.allocate("e-1",
                new NetworkConfig(NetworkType.Host, null, List.of(dynamic("web", 0))));

        assertEquals(List.of(new PortMapping("web", 20000, 0, null)), got);
    }

    @Test
    void portsHeldByAnExecutionOrAnotherProgramAreSkipped() throws Exception {
        ports.allocate("e-1", bridge(dynamic("a", 0)));
        heldElsewhere.add(20001);

        List<PortMapping> got = ports.allocate("e-2", bridge(dynamic("a", 0)));

        assertEquals(20002, got.get(0).staticPort());
    }

    @Test
    void aStaticPortHeldByAnotherExecutionIsRefusedAndNothingIsKept() throws Exception {
        ports.allocate("e-1", bridge(new PortMapping("web", 25000, 0, null)));

        PortAllocator.PortsUnavailable e = assertThrows(PortAllocator.PortsUnavailable.class,
                () -> ports.allocate("e-2", bridge(dynamic("first", 0), new PortMapping("web", 25000, 0, null))));

        assertEquals("port 25000 is already in use by another execution", e.getMessage());
        assertEquals(1, ports.inUse(), "the dynamic port taken before the failure is given back");
    }

    @Test
    void anExhaustedRangeIsRefused() throws Exception {
        ports.allocate("e-1", bridge(dynamic("a", 0), dynamic("b", 0), dynamic("c", 0), dynamic("d", 0)));

        PortAllocator.PortsUnavailable e = assertThrows(PortAllocator.PortsUnavailable.class,
                () -> ports.allocate("e-2", bridge(dynamic("a", 0))));

        assertEquals("no available ports in range 20000-20003", e.getMessage());
    }

    @Test
    void releasingAnExecutionFreesItsPortsForTheNext() throws Exception {
        ports.allocate("e-1", bridge(dynamic("a", 0), dynamic("b", 0), dynamic("c", 0), dynamic("d", 0)));

        ports.release("e-1");

        assertEquals(0, ports.inUse());
        assertEquals(1, ports.allocate("e-2", bridge(dynamic("a", 0))).size());
    }

    @Test
    void allocatingAgainForTheSameExecutionReplacesWhatItHeld() throws Exception {
        ports.allocate("e-1", bridge(dynamic("a", 0), dynamic("b", 0)));

        ports.allocate("e-1", bridge(dynamic("a", 0)));

        assertEquals(1, ports.inUse());
    }

    @Test
    void theBidderIsToldWhichStaticPortIsTakenAndWhenTheRangeIsShort() throws Exception {
        ports.allocate("e-1", bridge(new PortMapping("web", 25000, 0, null), dynamic("a", 0), dynamic("b", 0)));
        heldElsewhere.add(20002);

        Optional<String> refusal = ports.refusal(bridge(new PortMapping("web", 25000, 0, null), dynamic("x", 0),
                dynamic("y", 0)));

        assertEquals(Optional.of("static port 25000 (web) is in use, no 2 free port(s) in its range 20000-20003"), refusal);
        assertEquals(Optional.empty(), ports.refusal(bridge(dynamic("x", 0))), "one port (20003) is still free");
        assertEquals(3, ports.inUse(), "asking holds nothing");
    }

    @Test
    void networksWithoutPortsNeedNothing() throws Exception {
        assertEquals(List.of(), ports.allocate("e-1", new NetworkConfig(NetworkType.None, null, null)));
        assertEquals(Optional.empty(), ports.refusal(new NetworkConfig(NetworkType.Bridge, null, null)));
    }

    @Test
    void nodesSharingAHostStartAtDifferentPlacesAndWrapAround() throws Exception {
        PortAllocator late = new PortAllocator(20000, 20003, 20003, p -> true);

        List<PortMapping> got = late.allocate("e-1", bridge(dynamic("a", 0), dynamic("b", 0)));

        assertEquals(List.of(20003, 20000), got.stream().map(PortMapping::staticPort).toList());
    }

    @Test
    void aBadRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PortAllocator(30000, 20000, p -> true));

        assertEquals("start port must be less than end port (30000-20000)", e.getMessage());
    }

    @Test
    void theHostProbeSeesAPortThatIsListenedOn() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));

            assertEquals(false, new HostPortProbe().test(held.getLocalPort()));
        }
        try (ServerSocket free = new ServerSocket(0)) {
            int port = free.getLocalPort();
            free.close();
            assertTrue(new HostPortProbe().test(port));
        }
    }
}
