"""Translation: sentence segmentation, the CTranslate2 engine, batching and caching."""
