/**
 * The benchmark harness: converts the Reuters-21578 and State of the Union data sets into corpus
 * files, measures asks with JMH and a load driver, and times plain Lucene over the same index in
 * the same run, so every figure is a ratio as well as a time. Started by {@code bench/run}.
 */
package readingroom.bench;
