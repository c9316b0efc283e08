ALTER TABLE "providers" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
-- Erasure on request (README: Security and privacy, export and erasure). redact_text replaces each personal term,
-- as written and as JSON would escape it, with "[erased]"; redact_json does the same inside a jsonb value.
CREATE OR REPLACE FUNCTION redact_text(t text, terms text[]) RETURNS text AS $$
DECLARE
  term text;
  escaped text;
BEGIN
  IF t IS NULL THEN RETURN NULL; END IF;
  FOREACH term IN ARRAY terms LOOP
    escaped := to_json(term)::text;
    t := replace(replace(t, term, '[erased]'), substr(escaped, 2, length(escaped) - 2), '[erased]');
  END LOOP;
  RETURN t;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION redact_json(j jsonb, terms text[]) RETURNS jsonb AS $$
  SELECT redact_text(j::text, terms)::jsonb
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- The audit trail stays append-only: the one update the database accepts is a redaction, made inside
-- redact_audit_events, that changes only the personal columns (before, after, reason) and keeps every other column
-- (who, what, which record, which states, when) exactly as it was.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('qualitymark.audit_redaction', true) = 'on'
    AND NEW.id = OLD.id
    AND NEW.council_id IS NOT DISTINCT FROM OLD.council_id
    AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
    AND NEW.actor_role = OLD.actor_role
    AND NEW.entity_type = OLD.entity_type
    AND NEW.entity_id = OLD.entity_id
    AND NEW.action = OLD.action
    AND NEW.from_state IS NOT DISTINCT FROM OLD.from_state
    AND NEW.to_state IS NOT DISTINCT FROM OLD.to_state
    AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
    AND NEW.at = OLD.at
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION redact_audit_events(p_council uuid, terms text[]) RETURNS integer AS $$
DECLARE
  changed integer;
BEGIN
  PERFORM set_config('qualitymark.audit_redaction', 'on', true);
  UPDATE audit_events
    SET before = redact_json(before, terms), after = redact_json(after, terms), reason = redact_text(reason, terms)
    WHERE (council_id = p_council OR council_id IS NULL)
      AND (before::text IS DISTINCT FROM redact_json(before, terms)::text
        OR after::text IS DISTINCT FROM redact_json(after, terms)::text
        OR reason IS DISTINCT FROM redact_text(reason, terms));
  GET DIAGNOSTICS changed = ROW_COUNT;
  PERFORM set_config('qualitymark.audit_redaction', 'off', true);
  RETURN changed;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public;
