-- Flips one bookmark in a single round trip, serialised per reader.
-- Each statement of a VOLATILE plpgsql function takes a fresh snapshot (READ COMMITTED), so once the
-- reader's row is locked the DELETE sees every earlier toggle that committed while this one waited.
-- FOR NO KEY UPDATE queues toggles of one reader behind each other without blocking the foreign-key
-- checks (KEY SHARE) of plain saves. Returns -1 when the reader is gone or the session version is
-- stale, 0 when the article is now unsaved, 1 when it is now saved.
CREATE OR REPLACE FUNCTION toggle_bookmark(p_user text, p_slug text, p_session_version integer)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  removed integer;
BEGIN
  PERFORM 1 FROM users
    WHERE id = p_user AND (p_session_version IS NULL OR session_version = p_session_version)
    FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN -1;
  END IF;
  DELETE FROM bookmarks WHERE user_id = p_user AND slug = p_slug;
  GET DIAGNOSTICS removed = ROW_COUNT;
  IF removed > 0 THEN
    RETURN 0;
  END IF;
  -- A concurrent plain save may have inserted it meanwhile: then it is saved either way.
  INSERT INTO bookmarks (user_id, slug) VALUES (p_user, p_slug) ON CONFLICT DO NOTHING;
  RETURN 1;
END;
$$;
