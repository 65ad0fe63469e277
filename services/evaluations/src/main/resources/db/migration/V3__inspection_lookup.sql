-- Coverage looks up the inspections of each cell of a subtree in a cycle.
CREATE INDEX inspection_org ON inspection (cycle_id, organization_id, state);
CREATE INDEX recognition_cycle ON recognition (cycle_id, org_path);
