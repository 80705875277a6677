-- A note version is a record of what somebody wrote: it is never changed in place, whatever
-- code path (or hand-written SQL) tries to.
CREATE TRIGGER `note_versions_immutable` BEFORE UPDATE ON `note_versions`
BEGIN
  SELECT RAISE(ABORT, 'note versions are immutable');
END;
