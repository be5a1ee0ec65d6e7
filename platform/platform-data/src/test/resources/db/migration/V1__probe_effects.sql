CREATE TABLE probe_effect (subject TEXT PRIMARY KEY, applied INT NOT NULL);
