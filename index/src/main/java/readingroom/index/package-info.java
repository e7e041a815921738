/**
 * The engine's front door: {@link readingroom.index.Engine} (built by {@link
 * readingroom.index.Engine#builder()}), what a caller asks ({@link readingroom.index.Question},
 * {@link readingroom.index.Scope}), what it gets back ({@link readingroom.index.Answer}, {@link
 * readingroom.index.Result}), how chat text becomes a question ({@link
 * readingroom.index.QuestionText}) and the errors a user is shown. It knows nothing of chat.
 *
 * <p>Arrows (imports) run one way: {@code index -> search -> corpus -> model}, and {@code index}
 * also uses {@code corpus} and {@code model} directly. Only {@code index} and {@code model} are
 * exported by the module.
 */
package readingroom.index;
