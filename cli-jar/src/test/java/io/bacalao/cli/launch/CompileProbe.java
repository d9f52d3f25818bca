package io.bacalao.cli.launch;

/** Calls {@link #work} 100 times, for {@code NodeJvmOptionsTest} to see whether a JVM's options compile it. */
public final class CompileProbe {
    private CompileProbe() {
    }

    static int work(int x) {
        int sum = 0;
        for (int i = 0; i < 3; i++) sum += x * i;
        return sum;
    }

    public static void main(String[] args) {
        long total = 0;
        for (int i = 0; i < 100; i++) total += work(i);
        System.out.println(total);
    }
}
