// The HTTP API's response bodies that are not a service's own message (the gateway's route table
// and the web's typed client read them from here), one file per area.
export {};
