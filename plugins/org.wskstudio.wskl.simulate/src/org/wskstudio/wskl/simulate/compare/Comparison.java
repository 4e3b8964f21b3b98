package org.wskstudio.wskl.simulate.compare;

/**
 * The result of comparing one scenario on the two targets: whether the traces agree, whether at
 * least every request got the same outcome, how many events were compared on each side, and a
 * report (the first divergence with context from each side and both source locations, or what
 * they agree on).
 */
public record Comparison(boolean equal, boolean sameOutcomes, long javaEvents, long cEvents, String report) {
}
