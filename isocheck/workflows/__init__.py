"""Stage 4, workflows: one agency's check, the pre-announcement verdict, the rubric score, waivers,
the province batch and its matrix and baseline, roster import."""
