//! CRM opportunity exports (HubSpot deals, Salesforce opportunity reports,
//! Pipedrive deals) read into the pipeline.
