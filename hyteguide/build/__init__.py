"""STAGE 4 and the whole run: the pipeline, the task plan, parallel workers, the build cache and
the atomic write.
"""
