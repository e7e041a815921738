/**
 * Reading Room's retrieval engine. Only the engine's API is exported: {@code readingroom.index}
 * (the engine, questions, answers), {@code readingroom.index.model} (the records and contracts it
 * shares with callers) and {@code readingroom.index.fetch} (bringing articles in from the web).
 * Reading the corpus and searching the index stay inside.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module readingroom.index {
  exports readingroom.index;
  exports readingroom.index.model;
  exports readingroom.index.fetch;

  opens readingroom.index.fetch to
      com.fasterxml.jackson.databind;

  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.suggest;
  requires langchain4j.core;
  requires langchain4j.embeddings;
  requires langchain4j.embeddings.bge.small.en.v15.q;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.jsoup;
  requires readability4j;
  requires apache.mime4j.core;
  requires org.commonmark;
  requires org.apache.pdfbox;
  requires com.rometools.rome;
  requires crawler.commons;
  requires java.net.http;
  requires java.xml;
  requires org.slf4j;
  requires ai.djl.api;
  requires ai.djl.tokenizers;
  requires com.microsoft.onnxruntime;
}
