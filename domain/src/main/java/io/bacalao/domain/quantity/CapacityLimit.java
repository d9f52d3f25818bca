package io.bacalao.domain.quantity;

/**
 * One dimension of {@code Compute.AllocatedCapacity}: either a share of what the machine has ({@code 80%})
 * or an absolute quantity ({@code 2}, {@code 4Gi}).
 */
public record CapacityLimit(double fraction, double absolute) {

    public static CapacityLimit parseCpu(String text) {
        return Quantities.isPercent(text) ? new CapacityLimit(Quantities.parsePercent(text), -1)
                : new CapacityLimit(-1, Quantities.parseCpu(text));
    }

    public static CapacityLimit parseBytes(String text) {
        return Quantities.isPercent(text) ? new CapacityLimit(Quantities.parsePercent(text), -1)
                : new CapacityLimit(-1, Quantities.parseBytes(text));
    }

    public static CapacityLimit parseCount(String text) {
        return Quantities.isPercent(text) ? new CapacityLimit(Quantities.parsePercent(text), -1)
                : new CapacityLimit(-1, Quantities.parseCount(text));
    }

    /** The amount this limit grants out of {@code physical}. */
    public double of(double physical) {
        return fraction >= 0 ? physical * fraction : absolute;
    }

    /** For whole units (GPUs): a percentage rounds up to whole units. */
    public long wholeUnitsOf(long physical) {
        return fraction >= 0 ? (long) Math.ceil(physical * fraction) : (long) absolute;
    }
}
