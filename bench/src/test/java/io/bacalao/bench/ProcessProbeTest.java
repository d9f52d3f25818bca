package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The heap figure B2 prints, read from {@code jcmd GC.heap_info} as JDK 25 writes it for each collector. */
class ProcessProbeTest {
    @Test
    void g1CountsTheHeapLineOnly() {
        String out = """
                30270:
                garbage-first heap   total reserved 6172672K, committed 393216K, used 10240K [0x0000000687400000, 0x0000000800000000)
                 region size 4096K, 3 young (12288K), 1 survivors (4096K)
                 Metaspace       used 1024K, committed 1280K, reserved 1114112K
                  class space    used 512K, committed 640K, reserved 1048576K
                """;
        assertEquals(10.0, ProcessProbe.parseHeapUsedMib(out), 1e-9);
    }

    @Test
    void serialAndParallelAddTheirGenerations() {
        String serial = """
                30649:
                DefNew     total 116160K, used 1024K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                 eden space 103296K,  30% used [0x0000000687400000, 0x00000006892475c0, 0x000000068d8e0000)
                Tenured    total 258048K, used 2048K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                 the  space 258048K,   0% used [0x0000000704d50000, 0x0000000704e73ab8, 0x0000000714950000)
                """;
        assertEquals(3.0, ProcessProbe.parseHeapUsedMib(serial), 1e-9);
        String parallel = """
                PSYoungGen      total 113152K, used 3072K [0x0000000782700000, 0x000000078a500000, 0x0000000800000000)
                 eden space 97280K, 30% used [0x0000000782700000,0x00000007843a91e8,0x0000000788600000)
                ParOldGen       total 258048K, used 1024K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)
                """;
        assertEquals(4.0, ProcessProbe.parseHeapUsedMib(parallel), 1e-9);
    }

    @Test
    void zgcInMegabytes() {
        assertEquals(60.0, ProcessProbe.parseHeapUsedMib("ZHeap            used 60M, capacity 378M, max capacity 6028M\n"
                + " Cache           318M (1)\n"), 1e-9);
    }

    @Test
    void noHeapLineIsMinusOne() {
        assertEquals(-1.0, ProcessProbe.parseHeapUsedMib("12345:\ncom.sun.tools.attach.AttachNotSupportedException: gone\n"));
        assertEquals(-1.0, ProcessProbe.parseHeapUsedMib(""));
    }
}
